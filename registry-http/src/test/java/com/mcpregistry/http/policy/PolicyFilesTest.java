package com.mcpregistry.http.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.domain.policy.ClientPolicy;
import com.mcpregistry.domain.policy.PolicyFormat;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.http.testing.ApiClient;
import com.mcpregistry.policy.PolicyExport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fixed data set ({@link PolicyDataSet}) exported in each format: the file is the golden file byte for byte
 * ({@code src/test/resources/policy/*.json}; after an intended change, run with {@code -Dpolicy.golden.write=DIR} to
 * write the new ones there), and each client, deciding by its own rules, allows every approved server, denies every
 * rejected, deleted and drifted one, and lets no unknown one run.
 */
class PolicyFilesTest {

    /** The file {@code format} gives for the data set. */
    static String exported(PolicyFormat format) {
        List<Registration> registrations = PolicyDataSet.registrations();
        PolicyExport export = new PolicyExport(
                ClientPolicy.of(format, registrations, PolicyDataSet.drifted(registrations)),
                Optional.of(
                        new PolicyExport.State(PolicyDataSet.LATEST_AUDIT_EVENT, PolicyDataSet.LATEST_AUDIT_EVENT_AT)));
        return new String(PolicyFile.of(export).bytes(), StandardCharsets.UTF_8);
    }

    static String golden(PolicyFormat format) {
        try (InputStream in = PolicyFilesTest.class.getResourceAsStream("/policy/" + format.wireName() + ".json")) {
            return in == null ? "(no golden file)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(PolicyFormat.class)
    void each_format_renders_the_data_set_as_its_golden_file(PolicyFormat format) throws IOException {
        String written = System.getProperty("policy.golden.write");
        if (written != null) {
            Files.writeString(Path.of(written, format.wireName() + ".json"), exported(format));
        }

        assertThat(exported(format)).isEqualTo(golden(format));
    }

    @ParameterizedTest
    @EnumSource(PolicyFormat.class)
    void every_client_allows_approved_servers_denies_withdrawn_ones_and_lets_no_unknown_one_run(PolicyFormat format) {
        JsonNode file = ApiClient.json(golden(format));

        ClientRules.readersOf(format, file).forEach((client, rules) -> {
            for (Map.Entry<ConfiguredServer, Verdict> configured : PolicyDataSet.CONFIGURED) {
                assertThat(rules.check(configured.getKey()))
                        .as(client + " on " + configured.getKey())
                        .isEqualTo(configured.getValue());
            }
        });
    }

    @Test
    void vs_code_installs_a_server_of_packages_alone_from_the_registry_by_its_name_and_claude_code_has_no_names() {
        ConfiguredServer filesFromGallery =
                new ConfiguredServer("com.contoso/files", Optional.empty(), Optional.empty());
        ConfiguredServer impostor = ConfiguredServer.local("com.contoso/files", "node", "evil.js");

        assertThat(VsCodeRules.ofPolicyFile(ApiClient.json(golden(PolicyFormat.VSCODE)))
                        .check(filesFromGallery))
                .isEqualTo(Verdict.ALLOWED);
        // What a name entry costs, as GitHub says of serverName: it names what a user calls a server.
        assertThat(VsCodeRules.ofPolicyFile(ApiClient.json(golden(PolicyFormat.VSCODE)))
                        .check(impostor))
                .isEqualTo(Verdict.ALLOWED);
        assertThat(ClaudeCodeRules.of(ApiClient.json(golden(PolicyFormat.CLAUDE_CODE)))
                        .check(impostor))
                .isEqualTo(Verdict.NOT_ALLOWED);
    }

    @Test
    void the_client_rules_read_the_clients_documented_examples_as_documented() {
        JsonNode github = ApiClient.json("""
                {
                  "allowedMcpServers": [
                    { "serverUrl": "https://api.githubcopilot.com/*" },
                    { "serverCommand": ["npx", "@playwright/mcp@latest"] },
                    { "serverCommand": ["cmd", "/c", "uvx", "markitdown-mcp"] }
                  ],
                  "deniedMcpServers": [
                    { "serverCommand": ["npx", "-y", "@modelcontextprotocol/server-filesystem", "/"] }
                  ]
                }
                """);
        CopilotRules copilot = CopilotRules.of(github);
        assertThat(copilot.check(ConfiguredServer.remote("github", "https://API.GitHubCopilot.com:443/mcp/")))
                .isEqualTo(Verdict.ALLOWED);
        assertThat(copilot.check(ConfiguredServer.remote("x", "https://api.githubcopilot.com.evil.example/mcp")))
                .isEqualTo(Verdict.NOT_ALLOWED);
        assertThat(copilot.check(
                        ConfiguredServer.local("fs", "npx", "-y", "@modelcontextprotocol/server-filesystem", "/")))
                .isEqualTo(Verdict.DENIED);
        assertThat(copilot.check(ConfiguredServer.local("pw", "npx", "@playwright/mcp@latest", "${EXTRA}")))
                .isEqualTo(Verdict.NOT_ALLOWED);

        JsonNode anthropic = ApiClient.json("""
                {
                  "allowedMcpServers": [
                    { "serverName": "github" },
                    { "serverCommand": ["npx", "-y", "approved-package"] },
                    { "serverUrl": "https://mcp.example.com" },
                    { "serverUrl": "http://localhost:*/*" }
                  ]
                }
                """);
        ClaudeCodeRules claude = ClaudeCodeRules.of(anthropic);
        assertThat(claude.check(ConfiguredServer.local("local-tool", "npx", "-y", "approved-package")))
                .isEqualTo(Verdict.ALLOWED);
        assertThat(claude.check(ConfiguredServer.local("github", "node", "server.js")))
                .as("stdio servers must match commands when command entries exist")
                .isEqualTo(Verdict.NOT_ALLOWED);
        assertThat(claude.check(ConfiguredServer.remote("github", "https://other.example.com/mcp")))
                .as("a name counts for remote servers only while the list has no URL entry")
                .isEqualTo(Verdict.NOT_ALLOWED);
        assertThat(claude.check(ConfiguredServer.remote("api", "https://Mcp.Example.com./any/path")))
                .as("a pattern with no path matches any path; host case and trailing dot ignored")
                .isEqualTo(Verdict.ALLOWED);
        assertThat(claude.check(ConfiguredServer.remote("dev", "http://localhost:3000/mcp")))
                .isEqualTo(Verdict.ALLOWED);

        VsCodeRules vscode = VsCodeRules.ofManagedSettings(ApiClient.json("""
                { "allowedMcpServers": [{ "serverUrl": "https://*.example.com/*" }] }
                """));
        assertThat(vscode.check(ConfiguredServer.remote("a", "https://api.example.com/mcp")))
                .isEqualTo(Verdict.ALLOWED);
        assertThat(vscode.check(ConfiguredServer.remote("a", "https://evil.com/x.example.com/mcp")))
                .as("a wildcard in the authority does not cross into the path")
                .isEqualTo(Verdict.NOT_ALLOWED);
        assertThat(vscode.check(ConfiguredServer.remote("a", "https://API.example.com:443/mcp")))
                .as("compared as the network destination: host in lower case, no default port")
                .isEqualTo(Verdict.ALLOWED);
    }
}
