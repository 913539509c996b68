package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar mcp-registry.jar start-dev} from the built jar, in a directory of the test's own (where it keeps
 * {@code .registry-dev}), on a free port, its output in {@code start-dev.log} there; ready once {@code /health/ready}
 * answers 200. Closing it sends SIGTERM.
 */
final class StartDevProcess implements AutoCloseable {
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final Process process;
    private final Path directory;
    private final int port;

    private StartDevProcess(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** The repository's root: the folder above this module that holds README.md. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a README.md above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }

    /** The built jar, {@code registry-app/target/mcp-registry.jar}. */
    static Path builtJar() {
        Path jar = repositoryRoot().resolve("registry-app/target/mcp-registry.jar");
        assertThat(jar).exists();
        return jar;
    }

    /** start-dev from {@code jar} in {@code directory}, ready. */
    static StartDevProcess start(Path jar, Path directory) throws IOException, InterruptedException {
        int port = freePort();
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "start-dev",
                        "--port",
                        Integer.toString(port))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("start-dev.log").toFile())
                .start();
        StartDevProcess started = new StartDevProcess(process, directory, port);
        try {
            started.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            started.close();
            throw e;
        }
        return started;
    }

    int port() {
        return port;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** What it wrote so far. */
    String log() {
        try {
            return Files.readString(directory.resolve("start-dev.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its exit code once it ended, after {@link #close}. */
    int exitValue() {
        return process.exitValue();
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(uri("/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("start-dev exited: %s", log()).isTrue();
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("start-dev was not ready in " + READY_WITHIN + ": " + log());
    }

    /** SIGTERM, and a forced end if it has not ended within 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
