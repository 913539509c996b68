package com.mcpregistry.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.error.Unavailable;
import com.mcpregistry.domain.user.User;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL going away and coming back, with the default pool settings: callers hear {@link Unavailable} within
 * the connection timeout (5 s) instead of hanging, and the same pool serves again once the database is back.
 * Uses a {@link StoppablePostgres} of its own, since it stops it.
 */
class DatabaseOutageTest {

    @Test
    void a_database_outage_is_unavailable_within_five_seconds_and_service_resumes_when_it_returns() throws Exception {
        try (StoppablePostgres postgres = StoppablePostgres.start()) {
            PoolSettings settings = PoolSettings.of(postgres.jdbcUrl(), Optional.empty(), Optional.empty());
            assertThat(settings.connectionTimeout()).isEqualTo(Duration.ofSeconds(5));

            try (HikariDataSource pool = PostgresPool.create(settings)) {
                new SchemaMigrator(pool).migrate();
                PostgresAdapters adapters = new PostgresAdapters(pool, TestDatabase.SERVER_JSON);
                User user = adapters.users().save(Fixtures.user());

                postgres.stop();
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

                postgres.startAgain();
                assertThat(StoppablePostgres.eventually(
                                () -> adapters.users().findById(user.id()), Duration.ofSeconds(15)))
                        .contains(user);
                assertThat(adapters.databaseReachable()).isTrue();
            }
        }
    }
}
