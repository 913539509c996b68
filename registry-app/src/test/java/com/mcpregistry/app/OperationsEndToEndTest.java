package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.http.docs.OpenApiPaths;
import com.mcpregistry.http.docs.OpenApiSchemas;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * What operators rely on: health, the documentation, Prometheus metrics, request ids, and one JSON log line per
 * request.
 */
class OperationsEndToEndTest {
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard();

    private final ListAppender<ILoggingEvent> requestLog = new ListAppender<>();

    @BeforeEach
    void captureRequestLog() {
        requestLog.start();
        requestLogger().addAppender(requestLog);
    }

    @AfterEach
    void releaseRequestLog() {
        requestLogger().detachAppender(requestLog);
        requestLog.stop();
    }

    private static Logger requestLogger() {
        return (Logger) LoggerFactory.getLogger("http.request");
    }

    // ---- Health ----

    @Test
    void health_liveness_and_readiness_are_ok_with_the_database_up() {
        HttpResponse<String> health = registry.get("/health", null);
        HttpResponse<String> live = registry.get("/health/live", null);
        HttpResponse<String> ready = registry.get("/health/ready", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).path("status").asText()).isEqualTo("ok");
        assertThat(json(health).path("database").asText()).isEqualTo("ok");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(json(live).path("status").asText()).isEqualTo("ok");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).path("database").asText()).isEqualTo("ok");
    }

    @Test
    void head_on_health_answers_without_a_body() {
        HttpResponse<String> head = registry.send(
                registry.request("/health/live", null).method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    // ---- Documentation ----

    @Test
    void the_served_openapi_document_is_the_one_the_tests_check_against() {
        HttpResponse<String> document = registry.get("/openapi.json", null);

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        OpenApiSchemas served = OpenApiSchemas.of(document.body());
        assertThat(served.document())
                .as("serve's document: the API's own and /metrics")
                .isEqualTo(
                        OpenApiSchemas.fromClasspathWith(OpenApiPaths.METRICS).document());
        assertThat(registry.document().document()).isEqualTo(served.document());
        assertThat(served.document().path("openapi").asText()).startsWith("3.1.");
    }

    @Test
    void swagger_ui_and_redoc_pages_load_with_their_scripts() {
        for (String page : List.of("/docs", "/redoc")) {
            HttpResponse<String> html = registry.get(page, null);

            assertThat(html.statusCode()).isEqualTo(200);
            assertThat(html.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            Matcher script = Pattern.compile("src=\"([^\"]+)\"").matcher(html.body());
            assertThat(script.find()).as(page + " loads a script").isTrue();
            String src = script.group(1);
            String path = src.startsWith("/") ? src : page + "/" + src;
            assertThat(registry.get(path, null).statusCode()).as(path).isEqualTo(200);
        }
    }

    // ---- Metrics ----

    @Test
    void metrics_are_prometheus_text_with_http_pool_and_jvm_series() {
        registry.get("/health/live", null);
        registry.get("/registrations", registry.userToken("Yara Metrics"));

        HttpResponse<String> metrics = registry.get("/metrics", null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body())
                .contains("# TYPE http_server_requests_seconds summary")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health/live\",status=\"200\"}")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/registrations\",status=\"200\"}")
                .contains("hikaricp_connections_active")
                .contains("hikaricp_connections_timeout_total")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void metric_routes_are_templates_not_ids() {
        JsonNode created = Submissions.submitNew(registry, registry.userToken("Yara Metrics"), "metered");
        registry.get(Submissions.pathOf(created), registry.userToken("Yara Metrics"));
        registry.get(Submissions.pathOf(created), null);

        String metrics = registry.get("/metrics", null).body();

        assertThat(metrics).contains("route=\"/registrations/{registration_id}\"");
        assertThat(metrics)
                .as("a request the authentication step refuses is counted under its route")
                .contains("method=\"GET\",route=\"/registrations/{registration_id}\",status=\"401\"")
                .doesNotContain("route=\"*\"");
        assertThat(metrics).doesNotContain(created.path("registration_id").asText());
    }

    // ---- Request ids ----

    @Test
    void a_sane_request_id_is_echoed_and_anything_else_replaced() {
        HttpResponse<String> echoed = registry.get("/health/live", null, "X-Request-Id", "abc-123:x.y_z");
        HttpResponse<String> absent = registry.get("/health/live", null);
        HttpResponse<String> spaces = registry.get("/health/live", null, "X-Request-Id", "has spaces");
        HttpResponse<String> tooLong = registry.get("/health/live", null, "X-Request-Id", "a".repeat(129));

        assertThat(echoed.headers().firstValue("X-Request-Id")).hasValue("abc-123:x.y_z");
        for (HttpResponse<String> generated : List.of(absent, spaces, tooLong)) {
            assertThat(generated.headers().firstValue("X-Request-Id"))
                    .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
        }
        assertThat(absent.headers().firstValue("X-Request-Id"))
                .isNotEqualTo(spaces.headers().firstValue("X-Request-Id"));
    }

    @Test
    void errors_carry_the_request_id_too() {
        HttpResponse<String> refused = registry.get("/registrations", null, "X-Request-Id", "e2e-error-1");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("X-Request-Id")).hasValue("e2e-error-1");
    }

    @Test
    void each_audit_event_carries_the_request_id_of_the_request_that_made_it() {
        String user = registry.userToken("Zack Traced");
        HttpResponse<String> traced = registry.post(
                "/registrations",
                user,
                Submissions.of(Submissions.uniqueName("traced")),
                "X-Request-Id",
                "e2e-trace-0001");
        HttpResponse<String> untraced =
                registry.post("/registrations", user, Submissions.of(Submissions.uniqueName("untraced")));

        assertThat(requestIdOfOnlyEvent(traced)).isEqualTo("e2e-trace-0001");
        assertThat(requestIdOfOnlyEvent(untraced))
                .isEqualTo(untraced.headers().firstValue("X-Request-Id").orElseThrow());
    }

    private static String requestIdOfOnlyEvent(HttpResponse<String> created) {
        JsonNode events = json(registry.get(
                        "/audit?registration="
                                + json(created).path("registration_id").asText(),
                        registry.adminToken()))
                .path("items");
        assertThat(events).hasSize(1);
        return events.get(0).path("request_id").asText();
    }

    // ---- Request log ----

    @Test
    void each_request_is_one_json_log_line_with_route_status_duration_request_id_and_user_but_no_token()
            throws Exception {
        String token = registry.userToken("Abe Logged");
        JsonNode created = Submissions.submitNew(registry, token, "logged");
        requestLog.list.clear();

        registry.get(Submissions.pathOf(created), token, "X-Request-Id", "e2e-log-1");

        JsonNode line = logLine("e2e-log-1");
        assertThat(line.path("method").asText()).isEqualTo("GET");
        assertThat(line.path("route").asText()).isEqualTo("/registrations/{registration_id}");
        assertThat(line.path("status").asInt()).isEqualTo(200);
        assertThat(line.path("duration_ms").isNumber()).isTrue();
        assertThat(line.path("duration_ms").asDouble()).isNotNegative();
        assertThat(line.path("request_id").asText()).isEqualTo("e2e-log-1");
        assertThat(line.path("user_oid").asText()).isEqualTo(RunningRegistry.objectIdOf("Abe Logged"));
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        String all = encodedLines();
        assertThat(all).doesNotContain(token).doesNotContain(token.substring(0, token.lastIndexOf('.')));
        assertThat(all).doesNotContain("Bearer");
    }

    @Test
    void refused_and_unmatched_requests_are_logged_too() throws Exception {
        registry.get("/registrations", "not.a.token", "X-Request-Id", "e2e-log-401");
        registry.get("/no/such/route", null, "X-Request-Id", "e2e-log-404");

        JsonNode refused = logLine("e2e-log-401");
        JsonNode unmatched = logLine("e2e-log-404");

        assertThat(refused.path("status").asInt()).isEqualTo(401);
        assertThat(refused.path("route").asText()).isEqualTo("/registrations");
        assertThat(refused.path("user_oid").isNull() || refused.path("user_oid").isMissingNode())
                .isTrue();
        assertThat(unmatched.path("status").asInt()).isEqualTo(404);
        assertThat(unmatched.path("route").asText()).isEqualTo("unmatched");
        assertThat(encodedLines()).doesNotContain("not.a.token");
    }

    /** The line logged for {@code requestId}, encoded as production encodes it; waits for it briefly. */
    private JsonNode logLine(String requestId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ILoggingEvent> event = List.copyOf(requestLog.list).stream()
                    .filter(e -> encode(e).contains("\"request_id\":\"" + requestId + "\""))
                    .findFirst();
            if (event.isPresent()) {
                String line = encode(event.get());
                assertThat(line).endsWith("\n").doesNotContain("\n\n");
                assertThat(line.strip()).doesNotContain("\n");
                return RunningRegistry.JSON.readTree(line);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no request log line for " + requestId + " in " + encodedLines());
    }

    private String encodedLines() {
        StringBuilder all = new StringBuilder();
        List.copyOf(requestLog.list).forEach(event -> all.append(encode(event)));
        return all.toString();
    }

    private static String encode(ILoggingEvent event) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        encoder.start();
        try {
            return new String(encoder.encode(event), StandardCharsets.UTF_8);
        } finally {
            encoder.stop();
        }
    }
}
