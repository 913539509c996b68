package com.mcpregistry.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PoolSettingsTest {

    @Test
    void the_default_pool_holds_10_to_20_connections_and_waits_at_most_5_seconds_for_one() {
        PoolSettings settings = PoolSettings.fromDatabaseUrl("jdbc:postgresql://db.internal/registry");

        assertThat(settings.minimumIdle()).isEqualTo(10);
        assertThat(settings.maximumPoolSize()).isEqualTo(20);
        assertThat(settings.connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
        try (HikariDataSource pool =
                PostgresPool.create(PoolSettings.fromDatabaseUrl("jdbc:postgresql://db.internal/registry", 0, 1))) {
            assertThat(pool.getConnectionTimeout()).isEqualTo(5_000);
            assertThat(pool.getValidationTimeout()).isLessThan(pool.getConnectionTimeout());
        }
    }

    @Test
    void a_libpq_url_becomes_a_jdbc_url_with_separate_credentials() {
        PoolSettings settings = PoolSettings.fromDatabaseUrl(
                "postgresql://registry%40server:p%40ss%3Aw0rd+x@db.example.com:6432/registry?sslmode=require");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6432/registry?sslmode=require");
        assertThat(settings.username()).contains("registry@server");
        assertThat(settings.password()).contains("p@ss:w0rd+x");
    }

    @Test
    void a_jdbc_url_is_taken_as_it_is_but_for_its_credentials_which_the_driver_gets_as_properties() {
        PoolSettings settings = PoolSettings.fromDatabaseUrl(
                "jdbc:postgresql://localhost:5432/registry?sslmode=require&user=app&password=s%26cret&ssl=true");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/registry?sslmode=require&ssl=true");
        assertThat(settings.username()).contains("app");
        assertThat(settings.password()).contains("s&cret");
    }

    @Test
    void a_jdbc_url_without_credentials_is_taken_as_it_is() {
        PoolSettings settings =
                PoolSettings.fromDatabaseUrl("jdbc:postgresql://localhost:5432/registry?sslmode=require");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/registry?sslmode=require");
        assertThat(settings.username()).isEmpty();
        assertThat(settings.password()).isEmpty();
    }

    @Test
    void a_libpq_url_with_credentials_in_its_query_passes_them_as_properties_too() {
        PoolSettings settings =
                PoolSettings.fromDatabaseUrl("postgresql://db.example.com/registry?password=s3cret&user=app");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com/registry");
        assertThat(settings.username()).contains("app");
        assertThat(settings.password()).contains("s3cret");
    }

    @Test
    void the_settings_never_show_a_password() {
        PoolSettings fromLibpq = PoolSettings.fromDatabaseUrl("postgres://app:s3cret@db/registry");
        PoolSettings fromJdbc = PoolSettings.of(
                "jdbc:postgresql://db/registry?user=app&password=s3cret", Optional.empty(), Optional.empty());

        assertThat(fromLibpq.toString()).doesNotContain("s3cret").contains("app");
        assertThat(fromJdbc.toString()).doesNotContain("s3cret");
    }

    @Test
    void a_url_of_another_database_or_a_bad_pool_size_is_refused() {
        assertThatThrownBy(() -> PoolSettings.fromDatabaseUrl("mysql://app:s3cret@db/registry"))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("s3cret");
        assertThatThrownBy(() -> PoolSettings.fromDatabaseUrl("jdbc:postgresql://db/registry", 5, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
