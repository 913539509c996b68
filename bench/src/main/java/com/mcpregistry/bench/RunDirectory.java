package com.mcpregistry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where one run writes everything: {@code bench/out/rows-<N>-<time>/} ({@code checks-<N>-<time>/} for the checks
 * measurement on its own), and its log.
 */
final class RunDirectory {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /** {@code what} names the run: {@code rows-10000}, {@code checks-2000}. */
    static RunDirectory create(Path out, String what, ZonedDateTime now) {
        Path path = out.resolve(what + "-" + NAME.format(now.withZoneSameInstant(ZoneOffset.UTC)));
        try {
            for (String sub : new String[] {"wrk", "pgbench", "sql", "scripts", "plans"}) {
                Files.createDirectories(path.resolve(sub));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RunDirectory(path);
    }

    Path path() {
        return path;
    }

    Path file(String name) {
        return path.resolve(name);
    }

    /** A line on standard error and in run.log. */
    void log(String message) {
        String line = "[bench " + CLOCK.format(LocalTime.now()) + "] " + message + "\n";
        System.err.print(line);
        try {
            Files.writeString(
                    file("run.log"),
                    line,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
