package com.mcpregistry.postgres;

import com.mcpregistry.domain.error.Unavailable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A PostgreSQL of a test's own that the test may stop and start again, for database outages under a running
 * pool or registry. It keeps one data directory and one port, so that after {@link #startAgain()} the same JDBC
 * URL reaches the same data; {@link #close()} stops it and removes the data directory.
 */
public final class StoppablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;
    private String jdbcUrl;

    private StoppablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** A new server on a free port and an empty data directory, started. */
    public static StoppablePostgres start() throws IOException {
        StoppablePostgres server = new StoppablePostgres(Files.createTempDirectory("registry-outage"), freePort());
        server.startAgain();
        return server;
    }

    /** The URL of the database {@code postgres} as user {@code postgres}; it stays the same across restarts. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Stops the server, as an outage would; the data stays. */
    public void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /** Starts the server on the same port and data directory. */
    public void startAgain() throws IOException {
        if (postgres != null) {
            throw new IllegalStateException("PostgreSQL is running already");
        }
        postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "off")
                .start();
        jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        stop();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The first answer of {@code read} that is not {@link Unavailable}, trying until {@code patience} is spent. */
    public static <T> T eventually(Callable<T> read, Duration patience) throws Exception {
        return eventually(read, answer -> true, patience);
    }

    /**
     * The first answer of {@code read} that is {@code ready}, asking every 100 ms while the answer is not ready or
     * {@link Unavailable}; once {@code patience} is spent, the last answer (or the last {@link Unavailable}).
     */
    public static <T> T eventually(Callable<T> read, Predicate<? super T> ready, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                T answer = read.call();
                if (ready.test(answer) || System.nanoTime() > deadline) {
                    return answer;
                }
            } catch (Unavailable e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
