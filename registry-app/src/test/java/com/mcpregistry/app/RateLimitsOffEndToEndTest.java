package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code RATE_LIMITS=off} switches every limit and quota off, whatever the others say (tests, benchmarks). */
class RateLimitsOffEndToEndTest {

    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard()
            .withLimits(ServeSettings.limits(new Environment(Map.of(
                    "RATE_LIMITS", "off",
                    "RATE_LIMIT_WRITES", "1/min",
                    "RATE_LIMIT_ANONYMOUS_READS", "1/min",
                    "QUOTA_PENDING_PER_USER", "1"))));

    @Test
    void nothing_is_counted_or_refused() {
        String token = registry.userToken("Unlimited");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> written = registry.post("/users", token, Map.of());
            assertThat(written.statusCode()).isEqualTo(200);
            assertThat(written.headers().firstValue("RateLimit")).isEmpty();
            assertThat(registry.get("/v0.1/servers", null).statusCode()).isEqualTo(200);
            assertThat(registry.post("/registrations", token, Submissions.of(Submissions.uniqueName("free")))
                            .statusCode())
                    .isEqualTo(201);
        }
    }
}
