package com.mcpregistry.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** PostgreSQL 17 for {@code start-dev}: embedded, no installation, its data kept under {@code ./.registry-dev/}. */
final class DevelopmentDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private DevelopmentDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on the folder's data directory, first stopping one that an earlier, killed {@code start-dev}
     * of this folder left running (holding {@code owner} proves no live {@code start-dev} uses it).
     */
    static DevelopmentDatabase start(StartDevLock owner) {
        Path dataDirectory = owner.directory().resolve("postgres");
        OrphanedPostgres.stopIn(owner, dataDirectory);
        try {
            return new DevelopmentDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // Stopped by start-dev after the server has drained, not by a hook of its own while it drains.
                    .setRegisterShutdownHook(false)
                    .start());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot start the development PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the development PostgreSQL", e);
        }
    }
}
