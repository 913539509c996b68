package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.serverjson.PublishRules;
import com.mcpregistry.domain.serverjson.RegistryType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The settings of publishing (SPEC §9): PACKAGE_REGISTRIES (private mirrors packages may come from),
 * ALLOW_HTTP_REMOTES (plain-HTTP and localhost remotes) and ENTRA_PUBLISH_ROLE (the app role a CI pipeline's
 * app-only token carries). {@code serve} holds documents to the official rules unless told otherwise; {@code start-dev}
 * allows plain-HTTP remotes; a bad value stops start-up with one line per problem naming its variable.
 */
class PublishSettingsTest {
    private static final Map<String, String> REQUIRED = Map.of(
            "DATABASE_URL", "postgresql://registry:s3cret@db.contoso.example:5432/registry",
            "AZURE_TENANT_ID", UUID.randomUUID().toString(),
            "AZURE_CLIENT_ID", UUID.randomUUID().toString());

    private static final String NPM_MIRROR = "https://artifactory.contoso.com/api/npm/npm-remote";
    private static final String PYPI_MIRROR = "https://nexus.contoso.com/repository/pypi";

    private static ServeSettings settings(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(REQUIRED);
        all.putAll(values);
        return ServeSettings.from(new Environment(all));
    }

    @Test
    void serve_holds_documents_to_the_official_rules_by_default() {
        ServeSettings settings = settings(Map.of());

        assertThat(settings.publishRules()).isEqualTo(PublishRules.STRICT);
        assertThat(settings.publishRules().plainHttpRemotes()).isFalse();
        assertThat(settings.publishRules().packageRegistries().allowed(RegistryType.NPM))
                .containsExactly("https://registry.npmjs.org");
        assertThat(settings.identity().publishRole()).isEqualTo("Registry.Publish");
    }

    @Test
    void package_registries_add_mirrors_to_the_official_registries() {
        PublishRules rules = settings(Map.of("PACKAGE_REGISTRIES", "npm=" + NPM_MIRROR + ", pypi=" + PYPI_MIRROR))
                .publishRules();

        assertThat(rules.packageRegistries().allowed(RegistryType.NPM))
                .containsExactly("https://registry.npmjs.org", NPM_MIRROR);
        assertThat(rules.packageRegistries().allowed(RegistryType.PYPI))
                .containsExactly("https://pypi.org", PYPI_MIRROR);
        assertThat(rules.packageRegistries().allowed(RegistryType.NUGET))
                .as("a type the setting does not name keeps its official registries")
                .containsExactlyElementsOf(
                        PublishRules.STRICT.packageRegistries().allowed(RegistryType.NUGET));
        assertThat(rules.plainHttpRemotes()).isFalse();
    }

    @Test
    void allow_http_remotes_is_true_or_false_in_any_case() {
        assertThat(settings(Map.of("ALLOW_HTTP_REMOTES", "TRUE")).publishRules().plainHttpRemotes())
                .isTrue();
        assertThat(settings(Map.of("ALLOW_HTTP_REMOTES", "false")).publishRules())
                .isEqualTo(PublishRules.STRICT);
        assertThat(settings(Map.of("ALLOW_HTTP_REMOTES", "  ")).publishRules())
                .as("blank is unset")
                .isEqualTo(PublishRules.STRICT);
    }

    @Test
    void the_publish_role_is_configurable() {
        assertThat(settings(Map.of("ENTRA_PUBLISH_ROLE", "Catalog.Publish"))
                        .identity()
                        .publishRole())
                .isEqualTo("Catalog.Publish");
    }

    @Test
    void start_dev_allows_plain_http_remotes_unless_told_otherwise_and_reads_the_mirrors() {
        assertThat(ServeSettings.publishRules(new Environment(Map.of()), true)).isEqualTo(PublishRules.DEVELOPMENT);
        assertThat(ServeSettings.publishRules(new Environment(Map.of("ALLOW_HTTP_REMOTES", "false")), true))
                .isEqualTo(PublishRules.STRICT);
        assertThat(ServeSettings.publishRules(new Environment(Map.of("PACKAGE_REGISTRIES", "npm=" + NPM_MIRROR)), true)
                        .packageRegistries()
                        .allowed(RegistryType.NPM))
                .contains(NPM_MIRROR);
        assertThatThrownBy(() -> ServeSettings.publishRules(new Environment(Map.of("PACKAGE_REGISTRIES", "npm")), true))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith("PACKAGE_REGISTRIES: ");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PACKAGE_REGISTRIES|npm",
                "PACKAGE_REGISTRIES|https://artifactory.contoso.com/api/npm/npm-remote",
                "PACKAGE_REGISTRIES|cargo=https://crates.contoso.com",
                "PACKAGE_REGISTRIES|npm=artifactory.contoso.com",
                "PACKAGE_REGISTRIES|npm=ftp://artifactory.contoso.com/npm",
                "PACKAGE_REGISTRIES|npm=https://artifactory.contoso.com/npm?token=1",
                "ALLOW_HTTP_REMOTES|yes",
                "ALLOW_HTTP_REMOTES|1",
                "ENTRA_PUBLISH_ROLE|Registry Publish"
            })
    void an_invalid_setting_is_one_line_naming_it(String name, String value) {
        assertThatThrownBy(() -> settings(Map.of(name, value)))
                .isInstanceOfSatisfying(
                        ConfigurationError.class,
                        error -> assertThat(error.problems())
                                .singleElement()
                                .satisfies(problem -> assertThat(problem)
                                        .startsWith(name + ": ")
                                        .doesNotContain("\n")
                                        .doesNotContain("\r")));
    }

    @Test
    void every_bad_mirror_is_reported_at_once_with_the_other_problems() {
        assertThatThrownBy(() -> settings(Map.of(
                        "PACKAGE_REGISTRIES", "npm, cargo=https://crates.contoso.com, pypi=" + PYPI_MIRROR,
                        "ALLOW_HTTP_REMOTES", "sometimes",
                        "PORT", "eighty")))
                .isInstanceOfSatisfying(
                        ConfigurationError.class,
                        error -> assertThat(error.problems())
                                .satisfiesExactlyInAnyOrder(
                                        problem -> assertThat(problem).startsWith("PACKAGE_REGISTRIES: 'npm'"),
                                        problem -> assertThat(problem)
                                                .startsWith("PACKAGE_REGISTRIES: 'cargo=https://crates.contoso.com'")
                                                .contains("npm, pypi, nuget, oci, mcpb"),
                                        problem -> assertThat(problem).startsWith("ALLOW_HTTP_REMOTES: "),
                                        problem -> assertThat(problem).startsWith("PORT: ")));
    }

    @Test
    void serve_with_a_bad_mirror_exits_2_naming_the_setting(@TempDir Path workingDirectory) throws Exception {
        Map<String, String> environment = new HashMap<>(REQUIRED);
        environment.put("PACKAGE_REGISTRIES", "npm=artifactory.contoso.com");

        CommandLineRun run = CommandLineRun.inChildProcess(workingDirectory, environment, "serve");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("configuration error: PACKAGE_REGISTRIES: 'artifactory.contoso.com'"));
    }
}
