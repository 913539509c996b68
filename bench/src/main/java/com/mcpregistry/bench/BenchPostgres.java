package com.mcpregistry.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Embedded PostgreSQL 17 (the same binaries the tests and {@code start-dev} use) on a fixed loopback port, with a
 * fresh data directory, for the benchmark; its server log goes to a file.
 */
final class BenchPostgres implements PostgresServer {

    /**
     * A server set up like a small production one, durability included (fsync and synchronous commit stay on), so
     * that the write figures mean something. Memory is sized for a million registrations with their indexes.
     */
    static final Map<String, String> SETTINGS = settings();

    private final EmbeddedPostgres postgres;
    private final Path data;
    private final int port;

    private BenchPostgres(EmbeddedPostgres postgres, Path data, int port) {
        this.postgres = postgres;
        this.data = data;
        this.port = port;
    }

    static BenchPostgres start(Path data, int port, Path log) throws IOException {
        Files.createDirectories(data.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()));
        SETTINGS.forEach(builder::setServerConfig);
        return new BenchPostgres(builder.start(), data, port);
    }

    @Override
    public DatabaseUrl url() {
        return new DatabaseUrl("postgresql://postgres@127.0.0.1:" + port + "/postgres");
    }

    @Override
    public OptionalLong postmasterPid() {
        try {
            return OptionalLong.of(Long.parseLong(
                    Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String description() {
        return "embedded, bench/out/" + data.getFileName();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("stopping PostgreSQL failed", e);
        }
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("max_connections", "200");
        settings.put("shared_buffers", "1GB");
        settings.put("effective_cache_size", "4GB");
        settings.put("maintenance_work_mem", "512MB");
        settings.put("max_wal_size", "8GB");
        settings.put("checkpoint_timeout", "30min");
        // Lets the benchmark check that pgbench runs the very statements the endpoints run.
        settings.put("shared_preload_libraries", "pg_stat_statements");
        settings.put("pg_stat_statements.track", "top");
        return settings;
    }
}
