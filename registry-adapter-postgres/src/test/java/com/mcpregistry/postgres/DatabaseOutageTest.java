package com.mcpregistry.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.error.Unavailable;
import com.mcpregistry.domain.user.User;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL going away and coming back, with the default pool settings: callers hear {@link Unavailable} within
 * the connection timeout (5 s) instead of hanging, and the same pool serves again once the database is back.
 * Uses a server of its own, since it stops it.
 */
class DatabaseOutageTest {

    private Path dataDirectory;
    private EmbeddedPostgres postgres;

    @AfterEach
    void removeTheServer() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        if (dataDirectory != null) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "off")
                .start();
    }

    @Test
    void a_database_outage_is_unavailable_within_five_seconds_and_service_resumes_when_it_returns() throws Exception {
        dataDirectory = Files.createTempDirectory("registry-outage");
        int port = freePort();
        postgres = start(port);
        PoolSettings settings =
                PoolSettings.of(postgres.getJdbcUrl("postgres", "postgres"), Optional.empty(), Optional.empty());
        assertThat(settings.connectionTimeout()).isEqualTo(Duration.ofSeconds(5));

        try (HikariDataSource pool = PostgresPool.create(settings)) {
            new SchemaMigrator(pool).migrate();
            PostgresAdapters adapters = new PostgresAdapters(pool);
            User user = adapters.users().save(Fixtures.user());

            postgres.close();
            postgres = null;
            // The first call may fail fast on a pooled connection that breaks; later ones wait for a new one.
            for (int call = 0; call < 2; call++) {
                long before = System.nanoTime();
                assertThatThrownBy(() -> adapters.users().findById(user.id()))
                        .isInstanceOf(Unavailable.class)
                        .hasMessageNotContaining("jdbc:");
                Duration waited = Duration.ofNanos(System.nanoTime() - before);

                assertThat(waited).isLessThan(Duration.ofMillis(6_500));
            }
            assertThat(adapters.databaseReachable()).isFalse();

            postgres = start(port);
            assertThat(eventually(() -> adapters.users().findById(user.id()), Duration.ofSeconds(15)))
                    .contains(user);
            assertThat(adapters.databaseReachable()).isTrue();
        }
    }

    /** The first answer {@code read} gives without being unavailable, trying until {@code patience} is spent. */
    private static <T> T eventually(java.util.function.Supplier<T> read, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return read.get();
            } catch (Unavailable e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
