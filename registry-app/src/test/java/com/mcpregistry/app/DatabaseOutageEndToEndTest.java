package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.postgres.PoolSettings;
import com.mcpregistry.postgres.StoppablePostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopping under a running registry (SPEC §5a): API calls answer 503 problem+json with
 * {@code Retry-After} within the pool's 5 s connection timeout, {@code /health} and {@code /health/ready} answer 503
 * while {@code /health/live} stays 200; when PostgreSQL is back on the same port, the same process serves again.
 * Uses a {@link StoppablePostgres} of its own (on a fixed data directory and port, so that it can be started
 * again), since it stops it.
 */
class DatabaseOutageEndToEndTest {
    private static final Duration CONNECTION_TIMEOUT = PoolSettings.DEFAULT_CONNECTION_TIMEOUT;

    @Test
    void an_outage_is_503_with_retry_after_within_five_seconds_and_service_resumes_without_a_restart()
            throws Exception {
        try (StoppablePostgres postgres = StoppablePostgres.start()) {
            PoolSettings pool = PoolSettings.of(postgres.jdbcUrl(), Optional.empty(), Optional.empty(), 2, 5);
            assertThat(pool.connectionTimeout()).isEqualTo(CONNECTION_TIMEOUT).isEqualTo(Duration.ofSeconds(5));
            try (RunningRegistry registry = RunningRegistry.on(pool).start()) {
                String user = registry.userToken("Olive Outage");
                JsonNode before = Submissions.submitNew(registry, user, "survivor");

                postgres.stop();

                long started = System.nanoTime();
                CompletableFuture<HttpResponse<String>> me =
                        async(registry, registry.request("/users/me", user).GET());
                CompletableFuture<HttpResponse<String>> list = async(
                        registry,
                        registry.request("/registrations", registry.adminToken())
                                .GET());
                CompletableFuture<HttpResponse<String>> submit = async(
                        registry,
                        RunningRegistry.withJson(
                                registry.request("/registrations", user),
                                "POST",
                                RunningRegistry.write(Submissions.of(Submissions.uniqueName("during-outage")))));
                CompletableFuture<HttpResponse<String>> health =
                        async(registry, registry.request("/health", null).GET());
                CompletableFuture<HttpResponse<String>> ready =
                        async(registry, registry.request("/health/ready", null).GET());
                HttpResponse<String> live = registry.get("/health/live", null);
                Duration liveTook = Duration.ofNanos(System.nanoTime() - started);

                assertThat(live.statusCode()).isEqualTo(200);
                assertThat(liveTook)
                        .as("liveness does not wait for the database")
                        .isLessThan(Duration.ofSeconds(2));
                for (CompletableFuture<HttpResponse<String>> call : java.util.List.of(me, list, submit)) {
                    HttpResponse<String> unavailable = call.get();
                    assertThat(unavailable.statusCode()).as(unavailable.body()).isEqualTo(503);
                    assertThat(unavailable.headers().firstValue("Content-Type"))
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                    assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
                    assertThat(unavailable.body()).doesNotContain("jdbc:").doesNotContain("postgres:");
                }
                for (CompletableFuture<HttpResponse<String>> call : java.util.List.of(health, ready)) {
                    HttpResponse<String> down = call.get();
                    assertThat(down.statusCode()).isEqualTo(503);
                    assertThat(json(down).path("database").asText()).isEqualTo("unavailable");
                }
                Duration outageTook = Duration.ofNanos(System.nanoTime() - started);
                assertThat(outageTook)
                        .as("every call answered within the connection timeout, plus slack")
                        .isLessThan(CONNECTION_TIMEOUT.plusMillis(1_500));

                postgres.startAgain();

                assertThat(StoppablePostgres.eventually(
                                () -> registry.get("/health/ready", null).statusCode(),
                                status -> status != 503,
                                Duration.ofSeconds(20)))
                        .isEqualTo(200);
                assertThat(registry.get("/health", null).statusCode()).isEqualTo(200);
                assertThat(registry.get("/users/me", user).statusCode()).isEqualTo(200);
                assertThat(json(registry.get(Submissions.pathOf(before), user))).isEqualTo(before);
                Submissions.submitNew(registry, user, "after-outage");
            }
        }
    }

    private static CompletableFuture<HttpResponse<String>> async(
            RunningRegistry registry, HttpRequest.Builder request) {
        return registry.client()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    RunningRegistry.assertWellFormed(response);
                    return response;
                });
    }
}
