package com.mcpregistry.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Embedded PostgreSQL 17 (the same binaries the tests and {@code start-dev} use) on a fixed loopback port, with a
 * fresh data directory, for the benchmark. Prints {@code ready <jdbc-url>} once it accepts connections and runs
 * until it is sent SIGTERM.
 *
 * <p>{@code java -cp … com.mcpregistry.bench.BenchPostgres <data-directory> <port>}
 */
public final class BenchPostgres {

    /**
     * A server set up like a small production one, durability included (fsync and synchronous commit stay on), so
     * that the write figures mean something. Memory is sized for a million registrations with their indexes.
     */
    static final Map<String, String> SETTINGS = settings();

    private BenchPostgres() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: BenchPostgres <data-directory> <port>");
            System.exit(2);
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(data.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60));
        SETTINGS.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                postgres.close();
                            } catch (IOException e) {
                                System.err.println("stopping PostgreSQL failed: " + e.getMessage());
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "stop-bench-postgres"));
        System.out.println("ready " + postgres.getJdbcUrl("postgres", "postgres"));
        System.out.flush();
        stopped.await();
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
        // Lets the harness check that pgbench runs the very statements the endpoints run.
        settings.put("shared_preload_libraries", "pg_stat_statements");
        settings.put("pg_stat_statements.track", "top");
        return settings;
    }
}
