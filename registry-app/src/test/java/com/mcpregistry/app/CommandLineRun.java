package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of the {@code mcp-registry} command line: its exit code and what it printed. */
record CommandLineRun(int exitCode, String out, String err) {

    /**
     * A run in a child JVM, as an operator runs the command: in {@code workingDirectory} (so no ./.env of the build),
     * with an environment holding {@code environment} only.
     */
    static CommandLineRun inChildProcess(Path workingDirectory, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        ProcessBuilder builder = childProcess(workingDirectory, args);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(workingDirectory, "out", ".txt");
        Path err = Files.createTempFile(workingDirectory, "err", ".txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as(String.join(" ", args) + " ends")
                    .isTrue();
        } finally {
            process.destroyForcibly();
        }
        return ofEnded(process, out, err);
    }

    /** The run of {@code process}, which has ended, having written to {@code out} and {@code err}. */
    static CommandLineRun ofEnded(Process process, Path out, Path err) throws IOException {
        return new CommandLineRun(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The command line in a child JVM with this test JVM's class path, in {@code workingDirectory}; not started. */
    static ProcessBuilder childProcess(Path workingDirectory, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workingDirectory.toFile());
    }

    static CommandLineRun of(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new CommandLineRun(
                    code, capturedOut.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
