package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static com.mcpregistry.app.Submissions.of;
import static com.mcpregistry.app.Submissions.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.http.limits.TrustedProxies;
import com.mcpregistry.limits.LimitSettings;
import com.mcpregistry.limits.Quota;
import com.mcpregistry.limits.RateLimit;
import com.mcpregistry.limits.RateLimitPolicy;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC §12's rate limits and quotas end to end (issue 11, point 4): real HTTP, real tokens, Bucket4j's buckets in the
 * registry's PostgreSQL. Clients are told apart by {@code X-Forwarded-For}, the test's loopback being a trusted
 * proxy, so that each test is a client of its own.
 */
class RateLimitsEndToEndTest {
    private static final LimitSettings LIMITS = new LimitSettings(
            Map.of(
                    RateLimit.WRITES, RateLimitPolicy.parse(RateLimit.WRITES, "5/2s"),
                    RateLimit.ANONYMOUS_READS, RateLimitPolicy.parse(RateLimit.ANONYMOUS_READS, "4/min"),
                    RateLimit.FAILED_SIGN_INS, RateLimitPolicy.parse(RateLimit.FAILED_SIGN_INS, "3/min")),
            Map.of(Quota.PENDING_PER_USER, 2L, Quota.VERSIONS_PER_SERVER_PER_DAY, 3L));

    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard()
            .withLimits(LIMITS)
            .trustingProxies(TrustedProxies.of(List.of("127.0.0.0/8", "::1")));

    /** The same limits, but believing no proxy: every request comes from the loopback. */
    @RegisterExtension
    static final RunningRegistry untrusting = RunningRegistry.standard().withLimits(LIMITS);

    private static HttpResponse<String> read(RunningRegistry on, String client) {
        return on.get("/v0.1/servers", null, "X-Forwarded-For", client);
    }

    @Test
    void a_user_past_the_write_limit_gets_429_with_the_limit_s_fields_and_writes_again_after_the_window()
            throws InterruptedException {
        String token = registry.userToken("Eager Writer");
        for (int remaining = 4; remaining >= 0; remaining--) {
            HttpResponse<String> written = registry.post("/users", token, Map.of());
            assertThat(written.statusCode()).isEqualTo(200);
            assertThat(written.headers().firstValue("RateLimit-Policy")).hasValue("\"writes\";q=5;w=2");
            assertThat(written.headers().firstValue("RateLimit").orElseThrow())
                    .startsWith("\"writes\";r=" + remaining + ";t=");
        }

        HttpResponse<String> refused = registry.post("/users", token, Map.of());

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(refused.headers().firstValue("RateLimit-Policy")).hasValue("\"writes\";q=5;w=2");
        assertThat(refused.headers().firstValue("RateLimit")).hasValue("\"writes\";r=0;t=" + retryAfter);
        assertThat(json(refused).path("detail").asText()).contains("too many writes", "at most 5 every 2 s");
        assertThat(registry.post("/users", registry.userToken("Patient Writer"), Map.of())
                        .statusCode())
                .as("another user has a limit of their own")
                .isEqualTo(200);

        Thread.sleep(retryAfter * 1000 + 200);
        assertThat(registry.post("/users", token, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymous_reads_past_the_limit_get_429_as_an_mcp_registry_error_while_health_checks_go_on() {
        String client = "203.0.113.10";
        for (int i = 0; i < 4; i++) {
            assertThat(read(registry, client).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = read(registry, client);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json(refused).path("error").asText()).contains("too many reads without credentials");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("RateLimit-Policy")).hasValue("\"anonymous-reads\";q=4;w=60");
        assertThat(refused.headers().firstValue("RateLimit"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("\"anonymous-reads\";r=0;t="));
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(registry.get("/health", null, "X-Forwarded-For", client).statusCode())
                .isEqualTo(200);
        assertThat(read(registry, "203.0.113.11").statusCode())
                .as("another client has a limit of its own")
                .isEqualTo(200);
    }

    @Test
    void x_forwarded_for_names_the_client_only_when_a_trusted_proxy_sends_it() {
        String client = "203.0.113.20";
        for (int i = 0; i < 4; i++) {
            assertThat(read(registry, client).statusCode()).isEqualTo(200);
        }
        assertThat(read(registry, "198.51.100.1, " + client).statusCode())
                .as("what the client writes left of the address the proxy saw changes nothing")
                .isEqualTo(429);
        assertThat(read(registry, client + ", 127.0.0.9").statusCode())
                .as("a chain of trusted proxies is followed to the client")
                .isEqualTo(429);

        // Believing no proxy, every request is the loopback's, whatever X-Forwarded-For claims.
        for (int i = 0; i < 4; i++) {
            assertThat(read(untrusting, "192.0.2." + i).statusCode()).isEqualTo(200);
        }
        assertThat(read(untrusting, "192.0.2.99").statusCode()).isEqualTo(429);
    }

    @Test
    void refused_credentials_past_the_limit_get_429_and_valid_ones_from_the_same_address_still_work() {
        String client = "203.0.113.30";
        for (int i = 0; i < 3; i++) {
            assertThat(registry.get("/users/me", "not-a-token", "X-Forwarded-For", client)
                            .statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> refused = registry.get("/users/me", "not-a-token", "X-Forwarded-For", client);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("RateLimit-Policy")).hasValue("\"failed-sign-ins\";q=3;w=60");
        assertThat(json(refused).path("detail").asText()).contains("requests with refused credentials");
        assertThat(registry.get("/users/me", registry.userToken("Colleague"), "X-Forwarded-For", client)
                        .statusCode())
                .as("a colleague behind the same address signs in")
                .isEqualTo(200);
        assertThat(registry.get("/users/me", null, "X-Forwarded-For", client).statusCode())
                .as("no credentials is no failed sign-in")
                .isEqualTo(401);
    }

    @Test
    void two_instances_on_one_database_share_each_limit() throws InterruptedException {
        String client = "203.0.113.40";
        for (int i = 0; i < 4; i++) {
            assertThat(read(registry, client).statusCode()).isEqualTo(200);
        }
        assertThat(read(registry, client).statusCode()).isEqualTo(429);

        try (RegistryServer second =
                RegistryServer.start(registry.options(registry.database().poolSettings(), config -> {}))) {
            int admittedBySecond = 0;
            int answer = 0;
            // The first instance sends its count to the shared bucket within a second; until then the second may
            // admit from what it read, never the whole quota again.
            for (int attempt = 0; attempt < 40 && answer != 429; attempt++) {
                answer = registry.sendUnchecked(registry.request("/v0.1/servers", null, "X-Forwarded-For", client)
                                .uri(java.net.URI.create("http://127.0.0.1:" + second.port() + "/v0.1/servers"))
                                .GET()
                                .build())
                        .statusCode();
                if (answer == 200) {
                    admittedBySecond++;
                    Thread.sleep(250);
                }
            }
            assertThat(answer).isEqualTo(429);
            assertThat(admittedBySecond).isLessThan(4);
        }
    }

    @Test
    void a_user_past_the_pending_quota_gets_409_naming_the_quota_and_its_value() {
        String token = registry.userToken("Prolific Submitter");
        for (int i = 0; i < 2; i++) {
            assertThat(registry.post("/registrations", token, of(uniqueName("quota")))
                            .statusCode())
                    .isEqualTo(201);
        }

        HttpResponse<String> refused = registry.post("/registrations", token, of(uniqueName("quota")));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("detail").asText()).contains("quota pending_registrations_per_user (2) reached");
    }

    @Test
    void the_limits_and_their_refusals_are_in_the_metrics() {
        String client = "203.0.113.50";
        for (int i = 0; i < 5; i++) {
            read(registry, client);
        }

        String metrics = registry.get("/metrics", null).body();

        assertThat(metrics)
                .contains("registry_rate_limit_quota{limit=\"writes\"} 5.0")
                .contains("registry_rate_limit_window_seconds{limit=\"anonymous-reads\"} 60.0")
                .contains("registry_quota_limit{quota=\"pending_registrations_per_user\"} 2.0")
                .contains("registry_quota_refusals_total{quota=\"versions_per_server_per_day\"}")
                .contains("registry_search_timeout_seconds 2.0")
                .containsPattern("registry_rate_limit_refusals_total\\{limit=\"anonymous-reads\"} [1-9]")
                .doesNotContain(client);
    }
}
