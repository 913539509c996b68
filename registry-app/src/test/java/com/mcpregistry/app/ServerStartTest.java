package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.postgres.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Start-up migrates the schema while it builds the API; a migration that fails stops it with its own error. */
class ServerStartTest {
    /** Provides the tenant's JWKS and tokens; its own server and database play no part here. */
    @RegisterExtension
    static final RunningRegistry tenant = RunningRegistry.standard();

    @RegisterExtension
    static final TestDatabase occupied = TestDatabase.empty();

    @Test
    void a_failed_migration_stops_the_start_with_the_migrations_own_error() {
        // A table of that name already exists, so the changeset that creates it fails.
        occupied.jdbi().useHandle(handle -> handle.execute("CREATE TABLE registrations (id integer)"));

        assertThatThrownBy(() -> RegistryServer.start(tenant.options(occupied.poolSettings(), config -> {})))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the schema migration failed");
    }
}
