package com.mcpregistry.mcp.probe;

import static com.mcpregistry.mcp.probe.SdkMcpServer.tool;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks of a real MCP server (the SDK's server side) on loopback, with loopback allowed. */
class McpRemoteProbeTest {

    private final McpRemoteProbe probe = new McpRemoteProbe(ProbeSettings.defaults(List.of("127.0.0.0/8")));

    @Test
    void records_what_a_streamable_http_server_is_and_its_tools() throws Exception {
        try (SdkMcpServer server = SdkMcpServer.streamableHttp(tool("search", "Finds things"), tool("add", "Adds"))) {
            ProbeReport report = probe.probe(server.url(), RemoteTransport.STREAMABLE_HTTP);

            assertThat(report.outcome()).as(report.detail().orElse("")).isEqualTo(ProbeOutcome.REACHABLE);
            assertThat(report.protocolVersion()).get().asString().matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(report.serverInfo()).get().satisfies(info -> {
                assertThat(info.name()).isEqualTo("test-server");
                assertThat(info.version()).isEqualTo("1.2.3");
            });
            assertThat(report.capabilities())
                    .get()
                    .asString()
                    .contains("\"tools\":{")
                    .doesNotContain(" ");
            assertThat(report.tools().tools()).extracting(t -> t.name()).containsExactly("add", "search");
            var search = report.tools().named("search").orElseThrow();
            assertThat(search.title()).contains("SEARCH");
            assertThat(search.description()).contains("Finds things");
            assertThat(search.inputSchema())
                    .isEqualTo(
                            "{\"properties\":{\"q\":{\"type\":\"string\"}},\"required\":[\"q\"],\"type\":\"object\"}");
            assertThat(search.annotations())
                    .contains("{\"destructiveHint\":false,\"idempotentHint\":true,\"openWorldHint\":false,"
                            + "\"readOnlyHint\":true}");
            assertThat(report.latency()).isPositive();
        }
    }

    @Test
    void a_check_that_reached_a_server_ends_its_session_there() throws Exception {
        try (SdkMcpServer server = SdkMcpServer.streamableHttp(tool("search", "Finds things"))) {
            ProbeReport report = probe.probe(server.url(), RemoteTransport.STREAMABLE_HTTP);

            assertThat(report.outcome()).as(report.detail().orElse("")).isEqualTo(ProbeOutcome.REACHABLE);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
            while (server.sessionsEndedAt(server.url()) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(server.sessionsAt(server.url())).isEqualTo(1);
            assertThat(server.sessionsEndedAt(server.url())).isEqualTo(1);
        }
    }

    @Test
    void a_check_opens_no_event_stream_that_could_outlive_its_session() throws Exception {
        try (SdkMcpServer server = SdkMcpServer.streamableHttp(tool("search", "Finds things"))) {
            for (int i = 0; i < 20; i++) {
                URI remote = server.url("check=" + i);
                ProbeReport report = probe.probe(remote, RemoteTransport.STREAMABLE_HTTP);
                assertThat(report.outcome()).as(report.detail().orElse("")).isEqualTo(ProbeOutcome.REACHABLE);
            }
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
            while (server.sessionsEndedAt(server.url("check=19")) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(200);
            for (int i = 0; i < 20; i++) {
                URI remote = server.url("check=" + i);
                assertThat(server.requestsAt(remote, "GET"))
                        .as("GETs at %s", remote)
                        .isZero();
                assertThat(server.sessionsAt(remote))
                        .as("sessions at %s", remote)
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void checks_share_their_http_clients_worker_threads_instead_of_leaving_a_pool_behind_each() throws Exception {
        try (SdkMcpServer server = SdkMcpServer.streamableHttp(tool("search", "Finds things"))) {
            java.util.Set<String> before = clientWorkers();
            for (int i = 0; i < 20; i++) {
                ProbeReport report = probe.probe(server.url("shared=" + i), RemoteTransport.STREAMABLE_HTTP);
                assertThat(report.outcome()).as(report.detail().orElse("")).isEqualTo(ProbeOutcome.REACHABLE);
            }

            assertThat(clientWorkers()).isSubsetOf(before);
        }
    }

    /** Threads of HTTP clients' own pools (HttpClient-<n>-Worker-<m>), each kept for a minute once idle. */
    private static java.util.Set<String> clientWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.matches("HttpClient-\\d+-Worker-\\d+"))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void the_tool_set_hash_follows_the_tools_and_not_their_order() throws Exception {
        String first;
        try (SdkMcpServer server = SdkMcpServer.streamableHttp(tool("search", "Finds things"), tool("add", "Adds"))) {
            first = probe.probe(server.url(), RemoteTransport.STREAMABLE_HTTP)
                    .tools()
                    .sha256();

            server.removeTool("search");
            server.addTool(tool("search", "Finds things, and sends them to evil.example"));
            String changed = probe.probe(server.url(), RemoteTransport.STREAMABLE_HTTP)
                    .tools()
                    .sha256();

            assertThat(changed).isNotEqualTo(first);
        }
        try (SdkMcpServer reordered =
                SdkMcpServer.streamableHttp(tool("add", "Adds"), tool("search", "Finds things"))) {
            assertThat(probe.probe(reordered.url(), RemoteTransport.STREAMABLE_HTTP)
                            .tools()
                            .sha256())
                    .isEqualTo(first);
        }
    }

    @Test
    void records_what_an_sse_server_is() throws Exception {
        try (SdkMcpServer server = SdkMcpServer.sse(tool("search", "Finds things"))) {
            ProbeReport report = probe.probe(server.url(), RemoteTransport.SSE);

            assertThat(report.outcome()).as(report.detail().orElse("")).isEqualTo(ProbeOutcome.REACHABLE);
            assertThat(report.serverInfo())
                    .get()
                    .extracting(info -> info.name())
                    .isEqualTo("test-sse-server");
            assertThat(report.tools().tools()).extracting(t -> t.name()).containsExactly("search");
        }
    }

    @Test
    void a_refused_connection_is_unreachable_and_an_unknown_name_too() {
        ProbeReport refused = probe.probe(URI.create("http://127.0.0.1:1/mcp"), RemoteTransport.STREAMABLE_HTTP);
        // A resolver of the test's own: no DNS query leaves the machine.
        McpRemoteProbe noNames = new McpRemoteProbe(new ProbeSettings(
                ProbeSettings.CONNECT_TIMEOUT,
                ProbeSettings.CHECK_TIMEOUT,
                ProbeSettings.MAX_ANSWER_BYTES,
                ProbeSettings.MAX_PAGES,
                ProbeSettings.MAX_TOOLS,
                List.of("127.0.0.0/8"),
                ProbeSettings.USER_AGENT,
                host -> {
                    throw new java.net.UnknownHostException(host);
                }));
        ProbeReport unknown =
                noNames.probe(URI.create("http://no-such-host.invalid/mcp"), RemoteTransport.STREAMABLE_HTTP);

        assertThat(refused.outcome()).as(refused.detail().orElse("")).isEqualTo(ProbeOutcome.UNREACHABLE);
        assertThat(unknown.outcome()).as(unknown.detail().orElse("")).isEqualTo(ProbeOutcome.UNREACHABLE);
    }
}
