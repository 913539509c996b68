package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs README.md's walk-through, as written, against {@code start-dev} started from the built jar in a fresh
 * directory: proves the first set-up command's registry starts with nothing installed and the walk-through works.
 */
class ReadmeWalkthroughIT {
    private static final String FENCE = "```bash walkthrough";

    @TempDir
    Path workDir;

    @Test
    void the_readme_walkthrough_works_against_start_dev() throws Exception {
        Path repository = repositoryRoot();
        Path jar = repository.resolve("registry-app/target/mcp-registry.jar");
        assertThat(jar).exists();
        Files.createDirectories(workDir.resolve("registry-app/target"));
        Files.createSymbolicLink(workDir.resolve("registry-app/target/mcp-registry.jar"), jar);
        String script = walkthrough(Files.readString(repository.resolve("README.md")));
        int port = freePort();

        Process registry = new ProcessBuilder(
                        javaBinary(), "-jar", jar.toString(), "start-dev", "--port", Integer.toString(port))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("start-dev.log").toFile())
                .start();
        try {
            awaitReady(port, registry);
            Set<Path> filesBefore = filesIn(workDir);
            ProcessBuilder walkthrough = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true);
            walkthrough.environment().put("BASE", "http://localhost:" + port);
            Process walk = walkthrough.start();
            walk.getOutputStream().close();
            String output = new String(walk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(walk.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(walk.exitValue()).as(output).isZero();
            assertThat(output)
                    .contains("submitted ", "\"status\":\"Approved\"", "\"action\":\"approve\"", "\"isLatest\":true");
            assertThat(filesIn(workDir))
                    .as("the walk-through leaves no files behind")
                    .isEqualTo(filesBefore);
        } finally {
            registry.destroy();
            if (!registry.waitFor(30, TimeUnit.SECONDS)) {
                registry.destroyForcibly();
            }
        }
        // SIGTERM ends the JVM with 143 after its shutdown hooks ran; a hang would have needed destroyForcibly.
        assertThat(registry.exitValue())
                .as(Files.readString(workDir.resolve("start-dev.log")))
                .isIn(0, 143);
    }

    /** The files and folders in {@code directory} itself, outside what start-dev keeps in .registry-dev. */
    private static Set<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(directory::relativize).collect(Collectors.toSet());
        }
    }

    private static String walkthrough(String readme) {
        int start = readme.indexOf(FENCE);
        assertThat(start).as("README.md has a ```bash walkthrough block").isNotNegative();
        int body = readme.indexOf('\n', start) + 1;
        return readme.substring(body, readme.indexOf("```", body));
    }

    private void awaitReady(int port, Process registry) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(registry.isAlive())
                    .as("start-dev exited: %s", Files.readString(workDir.resolve("start-dev.log")))
                    .isTrue();
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new AssertionError(
                "start-dev was not ready in 120 s: " + Files.readString(workDir.resolve("start-dev.log")));
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a README.md above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
