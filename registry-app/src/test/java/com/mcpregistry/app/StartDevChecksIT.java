package com.mcpregistry.app;

import static com.mcpregistry.mcp.probe.SdkMcpServer.tool;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.http.testing.ApiClient;
import com.mcpregistry.mcp.probe.SdkMcpServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar checks remote servers: {@code start-dev} from {@code mcp-registry.jar} (the MCP client, its JSON
 * libraries and the registry's in one class path) checks a real MCP server on this machine with its workers as soon as
 * it is submitted, and a check asked for runs too.
 */
class StartDevChecksIT {
    @TempDir
    Path workDir;

    @Test
    void start_dev_from_the_jar_checks_a_local_mcp_server_on_submission_and_when_asked() throws Exception {
        try (SdkMcpServer server = SdkMcpServer.streamableHttp(tool("search", "Finds ledger entries"));
                StartDevProcess registry = StartDevProcess.start(StartDevProcess.builtJar(), workDir)) {
            HttpClient http = HttpClient.newHttpClient();
            String token = ApiClient.json(send(
                            http,
                            HttpRequest.newBuilder(registry.uri("/dev/token")),
                            Map.of("name", "Dev Eloper", "email", "dev@contoso.example")))
                    .path("access_token")
                    .asText();
            JsonNode submitted = ApiClient.json(send(
                    http,
                    HttpRequest.newBuilder(registry.uri("/registrations")).header("Authorization", "Bearer " + token),
                    Submissions.of(
                            "com.contoso.dev/ledger", "1.0.0", server.url().toString())));
            String checks = "/registrations/" + Submissions.idOf(submitted) + "/checks";

            JsonNode scheduled = awaitCheck(http, registry, checks, token);
            HttpResponse<String> asked = http.send(
                    HttpRequest.newBuilder(registry.uri(checks))
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(scheduled.path("outcome").asText())
                    .as(scheduled.toString())
                    .isEqualTo("reachable");
            assertThat(scheduled.path("tools").findValuesAsText("name")).containsExactly("search");
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
            assertThat(ApiClient.json(asked)
                            .path("checks")
                            .get(0)
                            .path("outcome")
                            .asText())
                    .isEqualTo("reachable");
            assertThat(server.sessionsAt(server.url())).isEqualTo(2);
            assertThat(registry.log()).doesNotContain("NoClassDefFoundError", "NoSuchMethodError");
        }
    }

    private static String send(HttpClient http, HttpRequest.Builder request, Object body) throws Exception {
        HttpResponse<String> answer =
                http.send(ApiClient.withJson(request, "POST", body).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 201);
        return answer.body();
    }

    /** The first check of the registration whose checks are at {@code checks}, once its workers ran it. */
    private static JsonNode awaitCheck(HttpClient http, StartDevProcess registry, String checks, String token)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(registry.uri(checks))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode found = ApiClient.json(answer).path("checks");
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no check within 30 s: " + registry.log());
    }
}
