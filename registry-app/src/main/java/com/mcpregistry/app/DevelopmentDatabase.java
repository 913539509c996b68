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

    static DevelopmentDatabase start(Path directory) {
        try {
            return new DevelopmentDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(directory.resolve("postgres"))
                    .setCleanDataDirectory(false)
                    // Stopped by start-dev after the server has drained, not by a hook of its own while it drains.
                    .setRegisterShutdownHook(false)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the development PostgreSQL", e);
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
