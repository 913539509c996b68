package com.mcpregistry.domain.serverjson;

import static com.mcpregistry.domain.testing.ServerDocumentTestData.input;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.mcpbPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.nugetPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.ociPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.pypiPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.serverjson.InstallCommand.Prompt;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command lines VS Code writes for each registry type (mcpManagementService.ts), case by case. */
class InstallCommandTest {

    private static Package pkg(
            RegistryType type,
            Optional<String> base,
            String identifier,
            Optional<String> version,
            Optional<String> runtimeHint,
            List<Argument> runtimeArguments,
            List<Argument> packageArguments,
            List<KeyValueInput> environment) {
        return new Package(
                type,
                base.map(HttpUrl::new),
                identifier,
                version.map(Version::new),
                Optional.empty(),
                runtimeHint,
                new Transport.Stdio(),
                runtimeArguments,
                packageArguments,
                environment);
    }

    private static Package plain(RegistryType type, String identifier, String version) {
        return pkg(
                type,
                Optional.empty(),
                identifier,
                Optional.of(version),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of());
    }

    private static List<String> line(Package pkg) {
        return InstallCommand.of(pkg).orElseThrow().commandLine();
    }

    private static Argument.Named flag(String name, String value) {
        return new Argument.Named(name, input().value(value).build(), Variables.NONE, false);
    }

    private static Argument.Positional positional(String value) {
        return new Argument.Positional(input().value(value).build(), Variables.NONE, Optional.empty(), false);
    }

    @Test
    void an_npm_package_runs_with_npx_at_its_version_and_no_y_flag() {
        assertThat(line(plain(RegistryType.NPM, "@modelcontextprotocol/server-weather", "1.0.0")))
                .containsExactly("npx", "@modelcontextprotocol/server-weather@1.0.0");
    }

    @Test
    void the_runtime_hint_does_not_change_the_command() {
        Package bunx = pkg(
                RegistryType.NPM,
                Optional.empty(),
                "weather",
                Optional.of("1.0.0"),
                Optional.of("bunx"),
                List.of(),
                List.of(),
                List.of());
        Package uvHint = pkg(
                RegistryType.PYPI,
                Optional.empty(),
                "weather",
                Optional.of("1.0.0"),
                Optional.of("python"),
                List.of(),
                List.of(),
                List.of());

        assertThat(line(bunx)).containsExactly("npx", "weather@1.0.0");
        assertThat(line(uvHint)).containsExactly("uvx", "weather@1.0.0");
    }

    @Test
    void an_npm_package_from_a_registry_base_url_names_it_with_registry() {
        Package mirrored = pkg(
                RegistryType.NPM,
                Optional.of("https://npm.contoso.com"),
                "@contoso/ledger",
                Optional.of("2.0.0"),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of());

        assertThat(line(mirrored))
                .containsExactly("npx", "--registry", "https://npm.contoso.com", "@contoso/ledger@2.0.0");
    }

    @Test
    void runtime_arguments_come_before_the_package_and_package_arguments_after_it() {
        Package withArguments = pkg(
                RegistryType.NPM,
                Optional.empty(),
                "weather",
                Optional.of("1.0.0"),
                Optional.empty(),
                List.of(flag("--node-options", "--max-old-space-size=512")),
                List.of(positional("serve"), flag("--port", "8080")),
                List.of());

        assertThat(line(withArguments))
                .containsExactly(
                        "npx",
                        "--node-options",
                        "--max-old-space-size=512",
                        "weather@1.0.0",
                        "serve",
                        "--port",
                        "8080");
        assertThat(InstallCommand.of(withArguments).orElseThrow().isFixed()).isTrue();
    }

    @Test
    void a_pypi_package_runs_with_uvx_at_its_version_after_an_at_sign() {
        assertThat(line(plain(RegistryType.PYPI, "weather-mcp-server", "0.5.0")))
                .containsExactly("uvx", "weather-mcp-server@0.5.0");
    }

    @Test
    void a_pypi_package_with_a_registry_base_url_names_it_as_the_index_url() {
        InstallCommand command = InstallCommand.of(pypiPackage()).orElseThrow();

        assertThat(command.commandLine())
                .containsExactly("uvx", "--index-url", "https://pypi.org", "weather-mcp-server@0.5.0");
        // An environment variable with choices is a pick, asked for with its default.
        assertThat(command.env()).containsExactly(Map.entry("WEATHER_UNITS", "${input:WEATHER_UNITS}"));
        assertThat(command.prompts())
                .containsExactly(new Prompt(
                        "WEATHER_UNITS", true, "Units", false, Optional.of("metric"), List.of("metric", "imperial")));
        assertThat(command.isFixed())
                .as("the environment is not the command line")
                .isTrue();
    }

    @Test
    void a_nuget_package_runs_with_dnx_confirmed_from_its_source_and_its_arguments_after_a_double_dash() {
        assertThat(line(nugetPackage()))
                .containsExactly(
                        "dnx",
                        "Knapcode.SampleMcpServer@0.5.0-beta",
                        "--yes",
                        "--source",
                        "https://api.nuget.org/v3/index.json",
                        "--",
                        "mcp");
    }

    @Test
    void a_nuget_package_without_arguments_has_no_double_dash() {
        assertThat(line(plain(RegistryType.NUGET, "Contoso.Ledger", "1.2.3")))
                .containsExactly("dnx", "Contoso.Ledger@1.2.3", "--yes");
    }

    @Test
    void an_oci_image_runs_with_docker_run_its_runtime_arguments_then_each_variable_by_name() {
        Package image = pkg(
                RegistryType.OCI,
                Optional.empty(),
                "ghcr.io/contoso/ledger:1.4.0",
                Optional.empty(),
                Optional.of("docker"),
                List.of(flag("--network", "host")),
                List.of(flag("--mode", "read-only")),
                List.of(
                        new KeyValueInput(
                                "LEDGER_TOKEN", input().required().secret().build(), Variables.NONE),
                        new KeyValueInput("LEDGER_REGION", input().value("eu").build(), Variables.NONE)));

        InstallCommand command = InstallCommand.of(image).orElseThrow();

        assertThat(command.commandLine())
                .containsExactly(
                        "docker",
                        "run",
                        "-i",
                        "--rm",
                        "--network",
                        "host",
                        "-e",
                        "LEDGER_TOKEN",
                        "-e",
                        "LEDGER_REGION",
                        "ghcr.io/contoso/ledger:1.4.0",
                        "--mode",
                        "read-only");
        // A secret without description or default is not asked for: it is written empty, for the user to fill in.
        assertThat(command.env()).containsExactly(Map.entry("LEDGER_TOKEN", ""), Map.entry("LEDGER_REGION", "eu"));
        assertThat(command.prompts()).isEmpty();
    }

    @Test
    void an_argument_value_refers_to_its_variables_as_inputs_and_is_then_not_fixed() {
        InstallCommand command = InstallCommand.of(ociPackage()).orElseThrow();

        assertThat(command.commandLine())
                .containsExactly(
                        "docker",
                        "run",
                        "-i",
                        "--rm",
                        "--mount",
                        "type=bind,src=${input:source_path},dst=/project",
                        "ghcr.io/modelcontextprotocol/server-filesystem:1.0.2");
        assertThat(command.prompts()).extracting(Prompt::id).containsExactly("source_path");
        assertThat(command.isFixed()).isFalse();
    }

    @Test
    void only_the_first_reference_to_a_variable_becomes_an_input_as_in_javascript_replace() {
        Variables region = new Variables(Map.of("region", input().build()));
        Package twice = pkg(
                RegistryType.NPM,
                Optional.empty(),
                "weather",
                Optional.of("1.0.0"),
                Optional.empty(),
                List.of(),
                List.of(new Argument.Named(
                        "--zone", input().value("{region}-{region}").build(), region, false)),
                List.of());

        assertThat(line(twice)).containsExactly("npx", "weather@1.0.0", "--zone", "${input:region}-{region}");
    }

    @Test
    void an_argument_without_a_value_is_asked_for_when_described_and_written_as_is_otherwise() {
        Package asking = pkg(
                RegistryType.NPM,
                Optional.empty(),
                "weather",
                Optional.of("1.0.0"),
                Optional.empty(),
                List.of(),
                List.of(
                        new Argument.Positional(
                                input().description("Where the config is").build(),
                                Variables.NONE,
                                Optional.of("config_path"),
                                false),
                        new Argument.Positional(Input.NONE, Variables.NONE, Optional.of("stdio"), false),
                        new Argument.Named("-p", input().defaultValue("8080").build(), Variables.NONE, false),
                        new Argument.Named("--verbose", Input.NONE, Variables.NONE, false)),
                List.of());

        InstallCommand command = InstallCommand.of(asking).orElseThrow();

        assertThat(command.commandLine())
                .containsExactly(
                        "npx", "weather@1.0.0", "${input:config_path}", "stdio", "-p", "${input:p}", "--verbose");
        assertThat(command.prompts())
                .containsExactly(
                        new Prompt("config_path", false, "Where the config is", false, Optional.empty(), List.of()),
                        new Prompt("p", false, "", false, Optional.of("8080"), List.of()));
        assertThat(command.isFixed()).isFalse();
    }

    @Test
    void an_mcpb_bundle_has_no_command_line() {
        assertThat(InstallCommand.of(mcpbPackage())).isEmpty();
    }
}
