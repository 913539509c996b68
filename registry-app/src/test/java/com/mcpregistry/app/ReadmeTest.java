package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md as a new user reads it: its first screen says what the registry is and gives the two set-up commands,
 * and it points at nothing a clone of the repository does not have.
 */
class ReadmeTest {
    private static final int FIRST_SCREEN_LINES = 25;
    private static final Pattern SHELL_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    private final String readme = read(repositoryRoot().resolve("README.md"));

    @Test
    void the_first_screen_says_what_the_registry_is_and_gives_the_two_set_up_commands() {
        String firstScreen =
                String.join("\n", readme.lines().limit(FIRST_SCREEN_LINES).toList());
        assertThat(firstScreen).contains("MCP", "Entra ID", "MCP Registry API");
        Matcher block = SHELL_BLOCK.matcher(firstScreen);
        assertThat(block.find()).as("a bash block on the first screen").isTrue();
        List<String> commands = block.group(1)
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        assertThat(commands)
                .containsExactly(
                        "mvn -B -q -DskipTests package && java -jar registry-app/target/mcp-registry.jar start-dev",
                        "mvn -B verify");
    }

    @Test
    void the_test_command_is_the_one_ci_runs() {
        assertThat(read(repositoryRoot().resolve(".ci/run"))).contains("mvn -B -ntp verify");
    }

    @Test
    void it_refers_to_no_document_outside_the_repository() {
        assertThat(readme).doesNotContain("SPEC", "shared/", "../");
    }

    @Test
    void the_benchmark_material_lives_in_the_bench_readme() {
        assertThat(readme).contains("bench/README.md").doesNotContain("pgbench    p50");
        assertThat(read(repositoryRoot().resolve("bench/README.md"))).contains("bench/run --rows 10000");
    }

    @Test
    void every_local_link_points_at_a_file_of_the_repository() {
        Matcher link = Pattern.compile("\\]\\(([^)#:]+)\\)").matcher(readme);
        while (link.find()) {
            assertThat(repositoryRoot().resolve(link.group(1))).as(link.group()).exists();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(".ci/run"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("the repository above " + Path.of("").toAbsolutePath())
                .isNotNull();
        return dir;
    }
}
