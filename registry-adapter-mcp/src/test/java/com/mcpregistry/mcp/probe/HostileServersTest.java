package com.mcpregistry.mcp.probe;

import static com.mcpregistry.mcp.probe.HostileServer.answer;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.Tool;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.mcp.egress.HostResolver;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Servers that do what a hostile or broken remote does: each check ends with its outcome, within its caps. */
class HostileServersTest {

    private static final Duration CHECK_CAP = Duration.ofSeconds(3);

    private static McpRemoteProbe probe(List<String> allowedNetworks, HostResolver resolver) {
        return new McpRemoteProbe(new ProbeSettings(
                ProbeSettings.CONNECT_TIMEOUT,
                CHECK_CAP,
                ProbeSettings.MAX_ANSWER_BYTES,
                ProbeSettings.MAX_PAGES,
                ProbeSettings.MAX_TOOLS,
                allowedNetworks,
                ProbeSettings.USER_AGENT,
                resolver));
    }

    private final McpRemoteProbe loopbackAllowed = probe(List.of("127.0.0.0/8"), HostResolver.SYSTEM);

    /**
     * For servers that answer at once, wrongly: the whole check's usual cap, so that a loaded machine (the SDK's first
     * session in a JVM loads much) is not mistaken for a server that did not answer.
     */
    private final McpRemoteProbe patient = new McpRemoteProbe(ProbeSettings.defaults(List.of("127.0.0.0/8")));

    @Test
    void a_server_that_requires_oauth_requires_auth_with_its_authorization_servers() throws Exception {
        try (HostileServer server = new HostileServer("127.0.0.1", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/.well-known/oauth-protected-resource/mcp")) {
                answer(
                        exchange,
                        200,
                        "application/json",
                        "{\"resource\":\"http://x/mcp\","
                                + "\"authorization_servers\":[\"https://login.example.com/tenant/v2.0\"]}");
            } else {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"mcp\"");
                answer(exchange, 401, "application/json", "{}");
            }
        })) {
            ProbeReport report = loopbackAllowed.probe(server.url("/mcp"), RemoteTransport.STREAMABLE_HTTP);

            assertThat(report.outcome()).as(report.detail().orElse("")).isEqualTo(ProbeOutcome.REQUIRES_AUTH);
            assertThat(report.authorizationServers()).containsExactly("https://login.example.com/tenant/v2.0");
            assertThat(server.requests()).allSatisfy(headers -> {
                assertThat(headers.getFirst("User-Agent")).isEqualTo(ProbeSettings.USER_AGENT);
                assertThat(headers).doesNotContainKeys("Authorization", "Cookie", "Proxy-Authorization");
            });
        }
    }

    @Test
    void the_metadata_url_the_challenge_names_is_the_one_read() throws Exception {
        try (HostileServer server = new HostileServer("127.0.0.1", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/meta")) {
                answer(exchange, 200, "application/json", "{\"authorization_servers\":[\"https://a.example\"]}");
            } else {
                exchange.getResponseHeaders()
                        .set("WWW-Authenticate", "Bearer resource_metadata=\"/meta\", scope=\"mcp\"");
                answer(exchange, 401, "text/plain", "");
            }
        })) {
            ProbeReport report = loopbackAllowed.probe(server.url("/mcp"), RemoteTransport.STREAMABLE_HTTP);

            assertThat(report.outcome()).as(report.detail().orElse("")).isEqualTo(ProbeOutcome.REQUIRES_AUTH);
            assertThat(report.authorizationServers()).containsExactly("https://a.example");
        }
    }

    @Test
    void nul_characters_in_what_a_server_lists_are_replaced_wherever_they_are() throws Exception {
        String initialized = "{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{\"tools\":{},\"experimental\":{\"x\\u0000\":{\"y\":\"\\u0000\"}}},"
                + "\"serverInfo\":{\"name\":\"evil\\u0000server\",\"version\":\"1\\u0000\"}}";
        String tools = "{\"tools\":[{\"name\":\"se\\u0000arch\",\"title\":\"T\\u0000\","
                + "\"description\":\"Finds\\u0000things\","
                + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"q\\u0000\":{\"type\":\"string\","
                + "\"description\":\"\\u0000\"}}},"
                + "\"outputSchema\":{\"type\":\"object\",\"title\":\"\\u0000\"},"
                + "\"annotations\":{\"title\":\"A\\u0000\"}}]}";
        try (HostileServer server =
                new HostileServer("127.0.0.1", jsonRpc(Map.of("initialize", initialized, "tools/list", tools)))) {
            ProbeReport report = loopbackAllowed.probe(server.url("/mcp"), RemoteTransport.STREAMABLE_HTTP);

            assertThat(report.outcome()).as(report.detail().orElse("")).isEqualTo(ProbeOutcome.REACHABLE);
            assertThat(report.serverInfo()).get().satisfies(info -> {
                assertThat(info.name()).isEqualTo("evil\uFFFDserver");
                assertThat(info.version()).isEqualTo("1\uFFFD");
            });
            Tool search = report.tools().named("se\uFFFDarch").orElseThrow();
            assertThat(search.title()).contains("T\uFFFD");
            assertThat(search.description()).contains("Finds\uFFFDthings");
            assertThat(textsOf(report))
                    .isNotEmpty()
                    .allSatisfy(text -> assertThat(text).doesNotContain("\u0000"));
        }
    }

    @Test
    void nul_characters_in_an_error_and_in_authorization_servers_are_replaced() throws Exception {
        try (HostileServer failing = new HostileServer("127.0.0.1", exchange -> {
                    String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    answer(
                            exchange,
                            200,
                            "application/json",
                            "{\"jsonrpc\":\"2.0\",\"id\":" + idOf(request)
                                    + ",\"error\":{\"code\":-32603,\"message\":\"no\\u0000way\"}}");
                });
                HostileServer protectedServer = new HostileServer("127.0.0.1", exchange -> {
                    if (exchange.getRequestURI().getPath().startsWith("/.well-known/")) {
                        answer(
                                exchange,
                                200,
                                "application/json",
                                "{\"authorization_servers\":[\"https://login.example/\\u0000\"]}");
                    } else {
                        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                        answer(exchange, 401, "text/plain", "");
                    }
                })) {
            ProbeReport refused = loopbackAllowed.probe(failing.url("/mcp"), RemoteTransport.STREAMABLE_HTTP);
            ProbeReport requiresAuth =
                    loopbackAllowed.probe(protectedServer.url("/mcp"), RemoteTransport.STREAMABLE_HTTP);

            assertThat(refused.outcome()).isEqualTo(ProbeOutcome.PROTOCOL_ERROR);
            assertThat(refused.detail()).get().asString().contains("no\uFFFDway");
            assertThat(requiresAuth.outcome()).isEqualTo(ProbeOutcome.REQUIRES_AUTH);
            assertThat(requiresAuth.authorizationServers()).containsExactly("https://login.example/\uFFFD");
        }
    }

    @Test
    void a_server_that_hangs_is_a_timeout_within_the_cap() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        try (HostileServer server = new HostileServer("127.0.0.1", exchange -> {
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            long started = System.nanoTime();
            ProbeReport report = loopbackAllowed.probe(server.url("/mcp"), RemoteTransport.STREAMABLE_HTTP);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(report.outcome()).as(report.detail().orElse("")).isEqualTo(ProbeOutcome.TIMEOUT);
            assertThat(took).isLessThan(CHECK_CAP.plusSeconds(2));
        } finally {
            released.countDown();
        }
    }

    @Test
    void a_server_that_answers_50_mib_is_too_large_and_is_not_read_to_the_end() throws Exception {
        AtomicLong written = new AtomicLong();
        try (HostileServer server = new HostileServer("127.0.0.1", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 50L * 1024 * 1024);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            chunk[0] = '[';
            OutputStream body = exchange.getResponseBody();
            try {
                for (int i = 0; i < 50 * 16; i++) {
                    body.write(chunk);
                    written.addAndGet(chunk.length);
                    chunk[0] = ' ';
                }
            } catch (IOException e) {
                // The probe stopped reading and closed the connection: what this test wants.
                return;
            }
        })) {
            long started = System.nanoTime();
            ProbeReport report = loopbackAllowed.probe(server.url("/mcp"), RemoteTransport.STREAMABLE_HTTP);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(report.outcome()).as(report.detail().orElse("")).isEqualTo(ProbeOutcome.TOO_LARGE);
            assertThat(took).isLessThan(CHECK_CAP.plusSeconds(2));
            Thread.sleep(200);
            assertThat(written.get()).isLessThan(20L * 1024 * 1024);
        }
    }

    @Test
    void a_server_that_speaks_broken_json_rpc_is_a_protocol_error() throws Exception {
        try (HostileServer server = new HostileServer(
                "127.0.0.1",
                exchange -> answer(exchange, 200, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":[oops"))) {
            ProbeReport report = patient.probe(server.url("/mcp"), RemoteTransport.STREAMABLE_HTTP);

            assertThat(report.outcome()).as(report.detail().orElse("")).isEqualTo(ProbeOutcome.PROTOCOL_ERROR);
        }
    }

    @Test
    void a_redirect_to_loopback_is_not_followed_when_loopback_is_not_allowed() throws Exception {
        try (HostileServer target =
                        new HostileServer("127.0.0.1", exchange -> answer(exchange, 200, "text/plain", ""));
                HostileServer redirecting = new HostileServer("127.0.0.2", exchange -> {
                    exchange.getResponseHeaders()
                            .set("Location", target.url("/mcp").toString());
                    answer(exchange, 307, "text/plain", "");
                })) {
            McpRemoteProbe onlyTheRedirector = probe(List.of("127.0.0.2/32"), HostResolver.SYSTEM);

            ProbeReport report = onlyTheRedirector.probe(redirecting.url("/mcp"), RemoteTransport.STREAMABLE_HTTP);

            assertThat(report.outcome())
                    .as(report.detail().orElse(""))
                    .isIn(ProbeOutcome.PROTOCOL_ERROR, ProbeOutcome.BLOCKED_ADDRESS);
            assertThat(redirecting.requests()).isNotEmpty();
            assertThat(target.requests()).isEmpty();
        }
    }

    @Test
    void loopback_is_blocked_without_connecting_when_not_allowed() throws Exception {
        try (HostileServer server =
                new HostileServer("127.0.0.1", exchange -> answer(exchange, 200, "text/plain", ""))) {
            McpRemoteProbe nothingAllowed = probe(List.of(), HostResolver.SYSTEM);

            ProbeReport byAddress = nothingAllowed.probe(server.url("/mcp"), RemoteTransport.STREAMABLE_HTTP);
            ProbeReport byName =
                    nothingAllowed.probe(URI.create("http://localhost:" + server.port() + "/mcp"), RemoteTransport.SSE);

            assertThat(byAddress.outcome()).isEqualTo(ProbeOutcome.BLOCKED_ADDRESS);
            assertThat(byAddress.detail()).get().asString().contains("loopback");
            assertThat(byName.outcome()).isEqualTo(ProbeOutcome.BLOCKED_ADDRESS);
            assertThat(server.requests()).isEmpty();
        }
    }

    /**
     * A server that speaks just enough JSON-RPC over streamable HTTP: each request's method answered with the result
     * given for it, notifications accepted.
     */
    private static HttpHandler jsonRpc(Map<String, String> results) {
        return exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher method = Pattern.compile("\"method\"\\s*:\\s*\"([^\"]+)\"").matcher(request);
            String id = idOf(request);
            if (id == null || !method.find()) {
                exchange.sendResponseHeaders(202, -1);
                return;
            }
            answer(
                    exchange,
                    200,
                    "application/json",
                    "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + results.getOrDefault(method.group(1), "{}")
                            + "}");
        };
    }

    private static String idOf(String request) {
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+|\"[^\"]*\")").matcher(request);
        return id.find() ? id.group(1) : null;
    }

    private static List<String> textsOf(ProbeReport report) {
        List<String> texts = new ArrayList<>();
        report.protocolVersion().ifPresent(texts::add);
        report.serverInfo().ifPresent(info -> texts.addAll(List.of(info.name(), info.version())));
        report.capabilities().ifPresent(texts::add);
        report.detail().ifPresent(texts::add);
        texts.addAll(report.authorizationServers());
        for (Tool tool : report.tools().tools()) {
            texts.add(tool.name());
            texts.add(tool.inputSchema());
            tool.title().ifPresent(texts::add);
            tool.description().ifPresent(texts::add);
            tool.outputSchema().ifPresent(texts::add);
            tool.annotations().ifPresent(texts::add);
        }
        return texts;
    }

    @Test
    void a_name_that_resolves_to_a_private_address_is_blocked() {
        McpRemoteProbe intranet = probe(
                List.of("127.0.0.0/8"), host -> List.of(InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7})));

        ProbeReport report = intranet.probe(URI.create("https://wiki.intranet.example/mcp"), RemoteTransport.SSE);

        assertThat(report.outcome()).isEqualTo(ProbeOutcome.BLOCKED_ADDRESS);
        assertThat(report.detail()).get().asString().contains("10.0.0.7").contains("private");
    }
}
