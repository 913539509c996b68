package com.mcpregistry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** An external program run to its end: psql, pgbench, wrk, {@code mcp-registry migrate} and the like. */
final class ExternalProgram {

    private final ProcessBuilder builder;

    private ExternalProgram(List<String> arguments) {
        this.builder = new ProcessBuilder(arguments);
    }

    static ExternalProgram of(List<String> arguments) {
        return new ExternalProgram(arguments);
    }

    static ExternalProgram of(String... arguments) {
        return new ExternalProgram(List.of(arguments));
    }

    ExternalProgram in(Path directory) {
        builder.directory(directory.toFile());
        return this;
    }

    ExternalProgram environment(Map<String, String> variables) {
        builder.environment().putAll(variables);
        return this;
    }

    /** Runs it with its output and errors appended to {@code log}; returns its exit status. */
    int run(Path log) {
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return waitFor(start());
    }

    /** Runs it with its output appended to {@code log}, failing with {@code what} unless it succeeds. */
    void runOrFail(Path log, String what) {
        if (run(log) != 0) {
            throw new BenchmarkFailure(what + " failed (see " + log + ")");
        }
    }

    /** Runs it and returns what it printed, errors included, whatever its exit status. */
    String output() {
        builder.redirectErrorStream(true);
        Process process = start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            waitFor(process);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process start() {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot run " + builder.command().get(0) + ": " + e.getMessage());
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new BenchmarkFailure("interrupted");
        }
    }
}
