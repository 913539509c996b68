package com.mcpregistry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void a_jdbc_url_loses_its_prefix_for_libpq() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db.example:5432/postgres?user=bench&password=s3cret");

        assertThat(url.libpq()).isEqualTo("postgresql://db.example:5432/postgres?user=bench&password=s3cret");
        assertThat(url.jdbc()).isEqualTo("jdbc:postgresql://db.example:5432/postgres?user=bench&password=s3cret");
    }

    @Test
    void the_user_and_password_of_a_libpq_url_go_to_jdbc_as_properties() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://bench:p%40ss@db.example:5432/postgres?sslmode=require");

        assertThat(url.jdbc()).isEqualTo("jdbc:postgresql://db.example:5432/postgres?sslmode=require");
        assertThat(url.jdbcProperties()).containsEntry("user", "bench").containsEntry("password", "p@ss");
    }

    @Test
    void the_benchmark_database_replaces_the_database_of_the_url_and_keeps_the_rest() {
        assertThat(DatabaseUrl.parse("postgresql://postgres@127.0.0.1:55433/postgres")
                        .withDatabase("mcp_registry_bench")
                        .libpq())
                .isEqualTo("postgresql://postgres@127.0.0.1:55433/mcp_registry_bench");
        assertThat(DatabaseUrl.parse("postgres://u:p@host?sslmode=require")
                        .withDatabase("mcp_registry_bench")
                        .libpq())
                .isEqualTo("postgres://u:p@host/mcp_registry_bench?sslmode=require");
    }

    @Test
    void the_password_is_never_shown() {
        assertThat(DatabaseUrl.parse("postgresql://bench:s3cret@db.example/postgres")
                        .toString())
                .doesNotContain("s3cret");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://db.example/postgres?user=bench&password=s3cret")
                        .toString())
                .doesNotContain("s3cret");
    }

    @Test
    void anything_but_a_postgresql_url_is_refused() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://db.example/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
