package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static com.mcpregistry.mcp.probe.SdkMcpServer.tool;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.domain.checks.DriftAction;
import com.mcpregistry.domain.policy.PolicyFormat;
import com.mcpregistry.domain.serverjson.PublishRules;
import com.mcpregistry.http.policy.ClientRules;
import com.mcpregistry.http.policy.ConfiguredServer;
import com.mcpregistry.http.policy.PolicyDataSet;
import com.mcpregistry.http.policy.Verdict;
import com.mcpregistry.mcp.probe.SdkMcpServer;
import com.mcpregistry.postgres.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The policy export through the running registry (SPEC §11): the fixed data set of registry-http's policy tests
 * submitted, reviewed, deprecated and deleted through the API, one server drifting for real (a changed tool of an
 * MCP server on loopback, caught by a check), then {@code GET /policy/{format}} read by each client's own rules; and
 * {@code mcp-registry policy export} against the same PostgreSQL writing the very bytes the API answers.
 */
class PolicyExportEndToEndTest {
    private static final String OLGA = "Olga Owner";

    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard()
            .withPublishRules(PublishRules.DEVELOPMENT)
            .checking(new CheckSettings(0, CheckSettings.DEFAULT_INTERVAL, CheckSettings.LOOPBACK, DriftAction.FLAG));

    private static SdkMcpServer drifting;
    private static final List<Map.Entry<ConfiguredServer, Verdict>> EXPECTED = new ArrayList<>();

    @BeforeAll
    static void theDataSetThroughTheApi() throws Exception {
        for (PolicyDataSet.Version version : PolicyDataSet.VERSIONS) {
            if (version.fate() != PolicyDataSet.Fate.DRIFTED) {
                submittedWith(version.serverJson(), version.fate());
            }
        }
        // The data set's drifted versions need a server that can change: one on loopback drifts here instead.
        drifting = SdkMcpServer.streamableHttp(tool("pay", "Pays a salary"));
        String url = drifting.url().toString();
        JsonNode payroll = submittedWith(
                "{\"$schema\": \"https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json\","
                        + " \"name\": \"com.contoso/payroll\", \"description\": \"Pays salaries\", \"version\":"
                        + " \"1.0.0\", \"remotes\": [{\"type\": \"streamable-http\", \"url\": \"" + url + "\"}]}",
                PolicyDataSet.Fate.APPROVED);
        checkNow(payroll);
        drifting.replaceTool(tool("pay", "Pays a salary to the account the caller names"));
        checkNow(payroll);

        for (Map.Entry<ConfiguredServer, Verdict> configured : PolicyDataSet.CONFIGURED) {
            // The data set's drifted ledger 1.1.0 was not submitted here: its command line is unknown to the registry.
            boolean notSubmitted = configured.getKey().toString().contains("ledger-cli@1.1.0");
            EXPECTED.add(notSubmitted ? Map.entry(configured.getKey(), Verdict.NOT_ALLOWED) : configured);
        }
        // The payroll server drifted here at its loopback URL: denied by that URL, and (as in the data set) by name.
        EXPECTED.add(Map.entry(ConfiguredServer.remote("com.contoso/payroll", url), Verdict.DENIED));
    }

    private static JsonNode submittedWith(String serverJson, PolicyDataSet.Fate fate) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("server", RunningRegistry.JSON.readTree(serverJson));
        body.put("owner_contact", "platform@contoso.example");
        JsonNode submitted = Submissions.submit(registry, registry.userToken(OLGA), body);
        switch (fate) {
            case APPROVED -> Submissions.approve(registry, submitted);
            case DEPRECATED -> {
                Submissions.approve(registry, submitted);
                Submissions.review(registry, submitted, "Deprecated", "use com.contoso/search 1.0 instead");
            }
            case REJECTED -> Submissions.review(registry, submitted, "Rejected", "sends notes outside the tenant");
            case DELETED -> {
                Submissions.approve(registry, submitted);
                HttpResponse<String> deleted = registry.delete(Submissions.pathOf(submitted), registry.adminToken());
                assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
            }
            case PENDING, DRIFTED -> {}
        }
        return submitted;
    }

    private static void checkNow(JsonNode registration) {
        HttpResponse<String> checked =
                registry.send(registry.request(Submissions.pathOf(registration) + "/checks", registry.adminToken())
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
    }

    private static HttpResponse<String> exported(PolicyFormat format) {
        HttpResponse<String> answer = registry.get("/policy/" + format.wireName(), registry.adminToken());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    @AfterAll
    static void stopTheDriftingServer() throws Exception {
        if (drifting != null) {
            drifting.close();
        }
    }

    @ParameterizedTest
    @EnumSource(PolicyFormat.class)
    void every_client_runs_approved_servers_denies_withdrawn_and_drifted_ones_and_no_unknown_one(PolicyFormat format) {
        JsonNode file = json(exported(format));

        assertThat(file.path("mcpRegistryPolicy").path("latestAuditEventId").asText())
                .isNotEmpty();
        ClientRules.readersOf(format, file).forEach((client, rules) -> {
            for (Map.Entry<ConfiguredServer, Verdict> configured : EXPECTED) {
                assertThat(rules.check(configured.getKey()))
                        .as(client + " on " + configured.getKey())
                        .isEqualTo(configured.getValue());
            }
        });
    }

    @Test
    void an_unchanged_registry_answers_304_and_only_administrators_export() {
        HttpResponse<String> first = exported(PolicyFormat.COPILOT);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = registry.get("/policy/copilot", registry.adminToken(), "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(registry.get("/policy/copilot", null).statusCode()).isEqualTo(401);
        assertThat(registry.get("/policy/copilot", registry.userToken(OLGA)).statusCode())
                .isEqualTo(403);
    }

    @Test
    void the_command_line_writes_the_bytes_the_api_answers(@TempDir Path workingDirectory) throws Exception {
        Map<String, String> settings =
                Map.of("DATABASE_URL", registry.database().jdbcUrl(), "AUDIT_KEY", TestDatabase.AUDIT_KEY.written());
        Path claude = workingDirectory.resolve("managed-settings.json");

        CommandLineRun toFile = CommandLineRun.inChildProcess(
                workingDirectory,
                settings,
                "policy",
                "export",
                "--format",
                "claude-code",
                "--output",
                claude.toString());
        CommandLineRun toOut =
                CommandLineRun.inChildProcess(workingDirectory, settings, "policy", "export", "--format", "vscode");
        CommandLineRun unknown =
                CommandLineRun.inChildProcess(workingDirectory, settings, "policy", "export", "--format", "cursor");

        assertThat(toFile.exitCode()).as(toFile.err()).isZero();
        assertThat(Files.readString(claude, StandardCharsets.UTF_8))
                .isEqualTo(exported(PolicyFormat.CLAUDE_CODE).body());
        assertThat(toFile.err()).contains("wrote", "claude-code", "allowed", "denied", "audit event");
        assertThat(toOut.exitCode()).as(toOut.err()).isZero();
        assertThat(toOut.out()).isEqualTo(exported(PolicyFormat.VSCODE).body());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--format", "copilot, claude-code, vscode", "cursor");
    }
}
