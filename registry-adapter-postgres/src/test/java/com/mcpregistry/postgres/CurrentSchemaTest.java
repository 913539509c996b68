package com.mcpregistry.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CurrentSchemaTest {

    @Test
    void the_resource_holds_what_liquibase_records_once_it_has_applied_the_changelog() throws Exception {
        try (TestDatabase database = TestDatabase.empty()) {
            new SchemaMigrator(database.unpooledDataSource()).migrate();

            List<String> recorded = InitSchemaSql.appliedChangesets(database.jdbi());

            assertThat(CurrentSchema.expected())
                    .as(
                            "schema/src/main/resources/%s lists every changeset as Liquibase records it; after adding one,"
                                    + " regenerate it (with init_schema.sql) from the repository's root directory: %s",
                            CurrentSchema.RESOURCE, InitSchemaSql.COMMAND)
                    .isEqualTo(recorded);
        }
    }

    @Test
    void a_current_schema_is_found_without_waiting_for_the_migration_lock() throws Exception {
        try (TestDatabase database = TestDatabase.empty()) {
            new SchemaMigrator(database.unpooledDataSource()).migrate();
            try (Connection other = database.unpooledDataSource().getConnection();
                    Statement lock = other.createStatement()) {
                lock.execute("SELECT pg_advisory_lock(" + SchemaMigrator.MIGRATION_LOCK + ")");

                CompletableFuture<Void> again =
                        CompletableFuture.runAsync(() -> new SchemaMigrator(database.unpooledDataSource()).migrate());

                again.get(Duration.ofSeconds(20).toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void a_schema_without_the_changelog_or_with_a_changed_changeset_is_not_current_and_liquibase_sees_to_it()
            throws Exception {
        try (TestDatabase database = TestDatabase.empty()) {
            try (Connection connection = database.unpooledDataSource().getConnection()) {
                assertThat(CurrentSchema.holds(connection)).isFalse();
            }
            new SchemaMigrator(database.unpooledDataSource()).migrate();
            // As after `liquibase clear-checksums`: Liquibase computes them again on its next run.
            database.jdbi().useHandle(handle -> handle.execute("UPDATE databasechangelog SET md5sum = NULL"));
            try (Connection connection = database.unpooledDataSource().getConnection()) {
                assertThat(CurrentSchema.holds(connection)).isFalse();
            }

            new SchemaMigrator(database.unpooledDataSource()).migrate();

            try (Connection connection = database.unpooledDataSource().getConnection()) {
                assertThat(CurrentSchema.holds(connection)).isTrue();
            }
        }
    }
}
