package com.mcpregistry.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL that an earlier {@code start-dev} of this folder left running when it was killed ({@code kill -9}
 * ends the JVM but not the postmaster it started). Found through the data directory's {@code postmaster.pid}, and
 * only ever a process that really is a {@code postgres} serving this data directory: an unrelated process that
 * happens to have the recorded pid is never touched.
 */
final class OrphanedPostgres {
    static final String PID_FILE = "postmaster.pid";
    private static final Duration STOP_TIME = Duration.ofSeconds(30);

    private OrphanedPostgres() {}

    /**
     * Stops the PostgreSQL left running in {@code dataDirectory}, if there is one, and removes a {@code
     * postmaster.pid} whose pid now belongs to another program. Only the holder of the folder's {@link StartDevLock}
     * may call this: with the lock held, no live {@code start-dev} owns that PostgreSQL.
     */
    static void stopIn(StartDevLock owner, Path dataDirectory) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        List<String> lines = read(pidFile);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d{1,10}")) {
            return; // no file, or not written yet: nothing PostgreSQL itself would not handle
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // a dead postmaster's file: PostgreSQL replaces it itself
        }
        Optional<String> command = process.get().info().command();
        if (command.isEmpty()) {
            throw new IllegalStateException("process " + pid + " named in " + pidFile
                    + " is running but cannot be inspected; if it is not a PostgreSQL, remove that file");
        }
        if (!isPostgres(command.get())) {
            // The pid was reused by another program after the postmaster ended: the file is stale.
            delete(pidFile);
            return;
        }
        if (!servesDirectory(lines.get(1).strip(), process.get(), dataDirectory)) {
            throw new IllegalStateException("a PostgreSQL (pid " + pid + ") holds " + pidFile
                    + " but does not serve this data directory; stop it before start-dev");
        }
        LoggerFactory.getLogger(OrphanedPostgres.class)
                .info(
                        "stopping the PostgreSQL (pid {}) that an earlier start-dev left running in {}",
                        pid,
                        owner.directory());
        stop(process.get(), pidFile);
    }

    private static boolean isPostgres(String command) {
        String name = Path.of(command).getFileName().toString();
        return name.equals("postgres") || name.equals("postgres.exe");
    }

    /** The file names this data directory, and so does the process's command line when it can be read. */
    private static boolean servesDirectory(String recorded, ProcessHandle process, Path dataDirectory) {
        Path expected = real(dataDirectory);
        if (!real(Path.of(recorded)).equals(expected)) {
            return false;
        }
        return process.info()
                .arguments()
                .map(arguments -> List.of(arguments).stream()
                        .anyMatch(argument -> real(Path.of(argument)).equals(expected)))
                .orElse(true);
    }

    /** SIGTERM: PostgreSQL's smart shutdown, which ends at once since the killed start-dev's sessions are gone. */
    private static void stop(ProcessHandle postmaster, Path pidFile) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(STOP_TIME.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the PostgreSQL (pid " + postmaster.pid()
                    + ") left by an earlier start-dev did not stop within " + STOP_TIME.toSeconds()
                    + " s; is a client still connected to it?");
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for PostgreSQL (pid " + postmaster.pid() + ") failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL (pid " + postmaster.pid() + ")");
        }
        if (Files.exists(pidFile)) {
            throw new IllegalStateException(
                    "the PostgreSQL (pid " + postmaster.pid() + ") stopped but left " + pidFile);
        }
    }

    private static List<String> read(Path pidFile) {
        try {
            return Files.exists(pidFile) ? Files.readAllLines(pidFile, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        }
    }

    private static void delete(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the stale " + pidFile, e);
        }
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException | RuntimeException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
