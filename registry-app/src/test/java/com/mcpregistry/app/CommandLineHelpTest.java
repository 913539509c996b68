package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command answers {@code --help} and {@code -h}; {@code help [COMMAND]} works; {@code serve} lists its settings. */
class CommandLineHelpTest {

    /** Every command and subcommand, as typed after {@code mcp-registry} (the top level is the empty list). */
    static Stream<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        collect(new CommandLine(new Main()), List.of(), all);
        return all.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> all) {
        all.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            collect(sub, subPath, all);
        });
    }

    @ParameterizedTest
    @MethodSource("commands")
    void every_command_answers_help_and_h_with_its_usage_and_exit_code_0(List<String> command) {
        for (String option : List.of("--help", "-h")) {
            List<String> args = new ArrayList<>(command);
            args.add(option);

            CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode()).as("%s: %s", args, run.err()).isZero();
            assertThat(run.out())
                    .as(String.join(" ", args))
                    .contains(String.join(" ", usagePrefix(command)))
                    .contains("-h, --help");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void the_command_tree_holds_every_command_the_readme_names() {
        assertThat(commands().map(command -> String.join(" ", command)))
                .contains(
                        "start-dev",
                        "serve",
                        "migrate",
                        "token",
                        "admin",
                        "admin grant",
                        "admin revoke",
                        "admin audit",
                        "admin audit verify",
                        "help");
    }

    @Test
    void help_names_a_command_and_prints_its_usage() {
        CommandLineRun run = CommandLineRun.of("help", "serve");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: mcp-registry serve").contains("DATABASE_URL");
        assertThat(CommandLineRun.of("help").out()).startsWith("Usage: mcp-registry");
    }

    @Test
    void serve_help_lists_every_setting_of_the_readme_with_its_default() throws IOException {
        String help = CommandLineRun.of("serve", "--help").out();

        List<String> documented = readmeSettings();
        assertThat(documented).as("settings in README.md's table").hasSizeGreaterThan(10);
        for (String setting : documented) {
            assertThat(help).as(setting).containsPattern("(?m)^  " + setting + "  \\((required|default .+)\\)$");
        }
        assertThat(help).contains("(default 8080)", "(default https://login.microsoftonline.com)");
    }

    @Test
    void help_text_keeps_paths_whole() {
        String main = CommandLineRun.of("--help").out();
        String serve = CommandLineRun.of("serve", "--help").out();

        assertThat(main).contains("./.env", "./.registry-dev/").doesNotContain(". /", "./.\n");
        assertThat(serve).contains("./.env").doesNotContain(". /");
    }

    private static List<String> usagePrefix(List<String> command) {
        List<String> prefix = new ArrayList<>(List.of("Usage:", "mcp-registry"));
        prefix.addAll(command);
        return prefix;
    }

    /** The first column of README.md's table of {@code serve} settings: {@code `NAME`} cells. */
    private static List<String> readmeSettings() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        String readme = Files.readString(dir.resolve("README.md"));
        String section = readme.substring(readme.indexOf("| setting | default | meaning |"));
        section = section.substring(0, section.indexOf("\n\n"));
        List<String> names = new ArrayList<>();
        for (String row : section.lines().skip(2).toList()) {
            Matcher name = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(row.split("\\|")[1]);
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }
}
