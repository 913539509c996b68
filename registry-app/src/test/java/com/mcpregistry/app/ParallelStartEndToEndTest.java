package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.http.testing.ApiClient;
import com.mcpregistry.postgres.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances started at the same moment on one empty database (SPEC §5a, §6): the schema is migrated exactly
 * once, both serve, and they share the data.
 */
class ParallelStartEndToEndTest {
    /** Provides the tenant's JWKS and tokens; its own server and database play no part here. */
    @RegisterExtension
    static final RunningRegistry tenant = RunningRegistry.standard();

    @RegisterExtension
    static final TestDatabase empty = TestDatabase.empty();

    @Test
    void two_instances_starting_at_once_on_an_empty_database_both_serve_one_schema() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<RegistryServer>> starting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return RegistryServer.start(tenant.options(empty.poolSettings(), config -> {}));
            }));
        }
        go.countDown();
        List<RegistryServer> servers = new ArrayList<>();
        try {
            for (CompletableFuture<RegistryServer> server : starting) {
                servers.add(server.get(60, TimeUnit.SECONDS));
            }

            for (RegistryServer server : servers) {
                assertThat(call(server, "/health", null).statusCode()).isEqualTo(200);
            }
            String token = tenant.userToken("Twin Submitter");
            HttpResponse<String> created = tenant.send(ApiClient.withJson(
                    new ApiClient(servers.get(0)::port).request("/registrations", token),
                    "POST",
                    Submissions.of(Submissions.uniqueName("twin"))));
            assertThat(created.statusCode()).isEqualTo(201);
            HttpResponse<String> readElsewhere = call(
                    servers.get(1), created.headers().firstValue("Location").orElseThrow(), token);
            assertThat(readElsewhere.statusCode()).isEqualTo(200);
            assertThat(json(readElsewhere)).isEqualTo(json(created));

            JsonNode changelog = RunningRegistry.JSON.valueToTree(empty.jdbi()
                    .withHandle(handle -> handle.createQuery(
                                    "SELECT count(*) AS applied, count(DISTINCT id) AS distinct_ids"
                                            + " FROM databasechangelog")
                            .mapToMap()
                            .one()));
            assertThat(changelog.path("applied").asLong())
                    .as("each changeset applied once")
                    .isEqualTo(changelog.path("distinct_ids").asLong())
                    .isEqualTo(changesetsInTheChangelog());
        } finally {
            servers.forEach(RegistryServer::close);
        }
    }

    private static long changesetsInTheChangelog() throws java.io.IOException {
        try (var in = ParallelStartEndToEndTest.class
                .getClassLoader()
                .getResourceAsStream("db/changelog/db.changelog-master.yaml")) {
            assertThat(in).as("the changelog is on the class path").isNotNull();
            String changelog = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return changelog
                    .lines()
                    .filter(line -> line.strip().equals("- changeSet:"))
                    .count();
        }
    }

    private static HttpResponse<String> call(RegistryServer server, String path, String token) {
        return tenant.send(new ApiClient(server::port).request(path, token).GET());
    }
}
