package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path jar = StartDevProcess.builtJar();
        Files.createDirectories(workDir.resolve("registry-app/target"));
        Files.createSymbolicLink(workDir.resolve("registry-app/target/mcp-registry.jar"), jar);
        String script =
                walkthrough(Files.readString(StartDevProcess.repositoryRoot().resolve("README.md")));

        StartDevProcess registry = StartDevProcess.start(jar, workDir);
        try (registry) {
            Set<Path> filesBefore = filesIn(workDir);
            ProcessBuilder walkthrough = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true);
            walkthrough.environment().put("BASE", "http://localhost:" + registry.port());
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
        }
        // SIGTERM ends the JVM with 143 after its shutdown hooks ran; a hang would have needed destroyForcibly.
        assertThat(registry.exitValue()).as(registry.log()).isIn(0, 143);
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
}
