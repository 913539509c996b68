package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mcpregistry.http.policy.PolicyAccess;
import com.mcpregistry.http.publication.PublicApi;
import com.mcpregistry.http.registration.ReviewPrecondition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code serve}'s settings (SPEC §6): read from the environment over {@code ./.env}; a missing or invalid one stops
 * start-up with one line that names it.
 */
class ConfigurationTest {
    private static final String TENANT = UUID.randomUUID().toString();
    private static final String CLIENT = UUID.randomUUID().toString();
    private static final Map<String, String> REQUIRED = Map.of(
            "DATABASE_URL", "postgresql://registry:s3cret@db.contoso.example:5432/registry?sslmode=require",
            "AZURE_TENANT_ID", TENANT,
            "AZURE_CLIENT_ID", CLIENT);

    private static ServeSettings settings(Map<String, String> values) {
        return ServeSettings.from(new Environment(values));
    }

    private static Map<String, String> required(String name, String value) {
        Map<String, String> values = new HashMap<>(REQUIRED);
        values.put(name, value);
        return values;
    }

    @Test
    void the_required_settings_alone_start_with_the_documented_defaults() {
        ServeSettings settings = settings(REQUIRED);

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.logFormat()).isEqualTo(ServeSettings.LogFormat.JSON);
        assertThat(settings.logLevel()).isEqualTo("INFO");
        assertThat(settings.publicApi()).isEqualTo(PublicApi.ANONYMOUS);
        assertThat(settings.metricsEnabled()).isTrue();
        assertThat(settings.signInMemory()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.corsOrigins()).isEmpty();
        assertThat(settings.reviewPrecondition()).isEqualTo(ReviewPrecondition.REQUIRED);
        assertThat(settings.policyExport()).isEqualTo(PolicyAccess.ADMIN);
        assertThat(settings.database().jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.contoso.example:5432/registry?sslmode=require");
        assertThat(settings.database().username()).hasValue("registry");
        assertThat(settings.database().minimumIdle()).isEqualTo(10);
        assertThat(settings.database().maximumPoolSize()).isEqualTo(20);
        assertThat(settings.identity().tenantId()).isEqualTo(TENANT);
        assertThat(settings.identity().clientId()).isEqualTo(CLIENT);
        assertThat(settings.identity().authority()).isEqualTo("https://login.microsoftonline.com");
        assertThat(settings.identity().adminRole()).isEqualTo("Registry.Admin");
    }

    @Test
    void every_optional_setting_is_read() {
        Map<String, String> values = new HashMap<>(REQUIRED);
        String group = UUID.randomUUID().toString();
        values.putAll(Map.of(
                "PORT", "9090",
                "LOG_FORMAT", "text",
                "LOG_LEVEL", "debug",
                "REGISTRY_PUBLIC_API", "Authenticated",
                "DB_POOL_MIN", "2",
                "DB_POOL_MAX", "4",
                "ENTRA_AUTHORITY", "https://login.microsoftonline.us",
                "ENTRA_ADMIN_ROLE", "Catalog.Admin",
                "ENTRA_ADMIN_GROUP_ID", group,
                "CORS_ORIGINS", "https://portal.contoso.example, https://admin.contoso.example"));
        values.put("ENTRA_REQUIRED_SCOPE", "access_as_user");
        values.put("SIGN_IN_CACHE_SECONDS", "0");
        values.put("REVIEW_PRECONDITION", "optional");
        values.put("POLICY_EXPORT", "anonymous");

        ServeSettings settings = settings(values);

        assertThat(settings.port()).isEqualTo(9090);
        assertThat(settings.logFormat()).isEqualTo(ServeSettings.LogFormat.TEXT);
        assertThat(settings.logLevel()).isEqualTo("DEBUG");
        assertThat(settings.publicApi()).isEqualTo(PublicApi.AUTHENTICATED);
        assertThat(settings.database().minimumIdle()).isEqualTo(2);
        assertThat(settings.database().maximumPoolSize()).isEqualTo(4);
        assertThat(settings.identity().authority()).isEqualTo("https://login.microsoftonline.us");
        assertThat(settings.identity().adminRole()).isEqualTo("Catalog.Admin");
        assertThat(settings.identity().adminGroupId()).hasValue(group);
        assertThat(settings.identity().requiredScope()).hasValue("access_as_user");
        assertThat(settings.corsOrigins())
                .containsExactly("https://portal.contoso.example", "https://admin.contoso.example");
        assertThat(settings.signInMemory()).isZero();
        assertThat(settings.reviewPrecondition()).isEqualTo(ReviewPrecondition.OPTIONAL);
        assertThat(settings.policyExport()).isEqualTo(PolicyAccess.ANONYMOUS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DATABASE_URL", "AZURE_TENANT_ID", "AZURE_CLIENT_ID"})
    void a_missing_required_setting_is_one_line_naming_it(String name) {
        Map<String, String> values = new HashMap<>(REQUIRED);
        values.remove(name);

        assertOneLineNaming(name, values);
        assertOneLineNaming(name, required(name, "   "));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PORT|eighty",
                "PORT|0",
                "PORT|65536",
                "PORT|-1",
                "PORT|8080.5",
                "LOG_FORMAT|xml",
                "LOG_LEVEL|verbose",
                "REGISTRY_PUBLIC_API|public",
                "REGISTRY_PUBLIC_API|true",
                "DB_POOL_MIN|some",
                "DB_POOL_MAX|0",
                "DB_POOL_MAX|100000",
                "SIGN_IN_CACHE_SECONDS|-1",
                "SIGN_IN_CACHE_SECONDS|301",
                "SIGN_IN_CACHE_SECONDS|5s",
                "REVIEW_PRECONDITION|off",
                "POLICY_EXPORT|everyone",
                "POLICY_EXPORT|authenticated",
                "DATABASE_URL|mysql://db.contoso.example/registry",
                "DATABASE_URL|postgresql:///no-host",
                "AZURE_TENANT_ID|contoso.onmicrosoft.com",
                "AZURE_CLIENT_ID|my-api",
                "ENTRA_AUTHORITY|http://login.microsoftonline.com",
                "ENTRA_AUTHORITY|not a url",
                "ENTRA_ADMIN_GROUP_ID|Registry Admins",
                "ENTRA_ADMIN_ROLE|Registry Admin",
                "ENTRA_REQUIRED_SCOPE|two words",
                "CORS_ORIGINS|*",
                "CORS_ORIGINS|null",
                "CORS_ORIGINS|https://portal.contoso.example/app",
                "CORS_ORIGINS|portal.contoso.example"
            })
    void an_invalid_setting_is_one_line_naming_it(String name, String value) {
        assertOneLineNaming(name, required(name, value));
    }

    @Test
    void every_invalid_setting_is_reported_at_once_each_by_its_variable_name() {
        Map<String, String> values = new HashMap<>(Map.of(
                "DATABASE_URL", "mysql://db.contoso.example/registry",
                "AZURE_TENANT_ID", "contoso.onmicrosoft.com",
                "PORT", "eighty",
                "LOG_LEVEL", "verbose",
                "ENTRA_AUTHORITY", "http://login.microsoftonline.com",
                "ENTRA_ADMIN_GROUP_ID", "Registry Admins",
                "DB_POOL_MAX", "0"));

        assertThatThrownBy(() -> settings(values))
                .isInstanceOfSatisfying(
                        ConfigurationError.class,
                        error -> assertThat(error.problems())
                                .extracting(problem -> problem.substring(0, problem.indexOf(':')))
                                .containsExactlyInAnyOrder(
                                        "DATABASE_URL",
                                        "AZURE_TENANT_ID",
                                        "AZURE_CLIENT_ID",
                                        "PORT",
                                        "LOG_LEVEL",
                                        "ENTRA_AUTHORITY",
                                        "ENTRA_ADMIN_GROUP_ID",
                                        "DB_POOL_MAX"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "AZURE_TENANT_ID|contoso.onmicrosoft.com|tenantId",
                "AZURE_CLIENT_ID|my-api|clientId",
                "ENTRA_AUTHORITY|not a url|authority",
                "ENTRA_ADMIN_GROUP_ID|Registry Admins|adminGroupId",
                "ENTRA_ADMIN_ROLE|Registry Admin|adminRole",
                "ENTRA_REQUIRED_SCOPE|two words|requiredScope",
                "ENTRA_EXTRA_AUDIENCES|api://a b|extraAudiences"
            })
    void an_identity_setting_is_named_by_its_variable_never_by_an_internal_field(
            String name, String value, String field) {
        assertThatThrownBy(() -> settings(required(name, value)))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith(name + ": ")
                .hasMessageNotContaining(field);
    }

    @Test
    void cors_origins_are_origins_as_browsers_send_them_and_a_wildcard_is_refused_by_name() {
        ServeSettings settings =
                settings(required("CORS_ORIGINS", "HTTPS://Portal.Contoso.example:443, http://localhost:3000"));

        assertThat(settings.corsOrigins()).containsExactly("https://portal.contoso.example", "http://localhost:3000");
        assertThatThrownBy(() -> settings(required("CORS_ORIGINS", "https://portal.contoso.example, *")))
                .isInstanceOf(ConfigurationError.class)
                .hasMessage("CORS_ORIGINS: \"*\" is not allowed; list each origin, e.g. https://portal.contoso.com");
    }

    @Test
    void a_pool_minimum_above_its_maximum_names_the_minimum() {
        Map<String, String> values = required("DB_POOL_MIN", "30");
        values.put("DB_POOL_MAX", "20");

        assertOneLineNaming("DB_POOL_MIN", values);
    }

    @Test
    void a_bad_database_url_never_echoes_its_password() {
        assertThatThrownBy(() -> settings(required("DATABASE_URL", "postgresql://registry:s3cret@[bad/registry")))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith("DATABASE_URL: ")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void choices_ignore_case_and_blank_means_unset() {
        Map<String, String> values = required("LOG_FORMAT", "Json");
        values.put("REGISTRY_PUBLIC_API", "OFF");
        values.put("PORT", "  ");

        ServeSettings settings = settings(values);

        assertThat(settings.logFormat()).isEqualTo(ServeSettings.LogFormat.JSON);
        assertThat(settings.publicApi()).isEqualTo(PublicApi.OFF);
        assertThat(settings.port()).isEqualTo(8080);
    }

    private static void assertOneLineNaming(String name, Map<String, String> values) {
        assertThatThrownBy(() -> settings(values))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith(name + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r"));
    }

    // ---- .env ----

    @Test
    void a_dot_env_file_is_read_and_the_process_environment_wins(@TempDir Path directory) throws Exception {
        Path dotEnv = directory.resolve(".env");
        Files.writeString(
                dotEnv,
                String.join(
                        "\n",
                        "# settings for local runs",
                        "",
                        "DATABASE_URL=\"" + REQUIRED.get("DATABASE_URL") + "\"",
                        "export AZURE_TENANT_ID=" + TENANT,
                        "AZURE_CLIENT_ID = '" + CLIENT + "'",
                        "PORT=7070",
                        "LOG_FORMAT=text"));

        Environment environment = Environment.load(Map.of("PORT", "9090"), dotEnv);
        ServeSettings settings = ServeSettings.from(environment);

        assertThat(settings.port()).as("the process environment wins").isEqualTo(9090);
        assertThat(settings.logFormat()).as("read from .env").isEqualTo(ServeSettings.LogFormat.TEXT);
        assertThat(settings.identity().tenantId()).isEqualTo(TENANT);
        assertThat(settings.identity().clientId())
                .as("quotes and spaces around = dropped")
                .isEqualTo(CLIENT);
        assertThat(settings.database().jdbcUrl()).startsWith("jdbc:postgresql://db.contoso.example:5432/registry");
    }

    @Test
    void without_a_dot_env_file_only_the_process_environment_counts(@TempDir Path directory) {
        Environment environment = Environment.load(REQUIRED, directory.resolve(".env"));

        assertThat(ServeSettings.from(environment).port()).isEqualTo(8080);
    }

    @Test
    void a_malformed_dot_env_line_is_named_by_file_and_line(@TempDir Path directory) throws Exception {
        Path dotEnv = directory.resolve(".env");
        Files.writeString(dotEnv, "PORT=8080\nthis line has no equals sign\n");

        assertThatThrownBy(() -> Environment.load(Map.of(), dotEnv))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining(".env line 2")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    // ---- The command line ----

    @Test
    void serve_with_an_empty_environment_exits_2_naming_every_missing_setting_one_line_each() {
        assumeNothingConfigured();

        CommandLineRun run = run("serve");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines())
                .containsExactly(
                        "configuration error: DATABASE_URL: is required",
                        "configuration error: AZURE_TENANT_ID: is required",
                        "configuration error: AZURE_CLIENT_ID: is required");
    }

    @Test
    void migrate_and_admin_with_an_empty_environment_exit_2() {
        assumeNothingConfigured();

        for (List<String> args : List.of(List.of("migrate"), List.of("admin", "grant", "someone@contoso.example"))) {
            CommandLineRun run = run(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).contains("DATABASE_URL");
        }
    }

    @Test
    void an_unknown_command_is_a_usage_error() {
        assertThat(run("no-such-command").exitCode()).isEqualTo(2);
        assertThat(run("--version").exitCode()).isZero();
    }

    private static CommandLineRun run(String... args) {
        return CommandLineRun.of(args);
    }

    /** These tests read the real environment and ./.env, as the commands do; they mean nothing where those are set. */
    private static void assumeNothingConfigured() {
        for (String name : List.of("DATABASE_URL", "AZURE_TENANT_ID", "AZURE_CLIENT_ID")) {
            assumeTrue(System.getenv(name) == null, name + " is set in this environment");
        }
        assumeTrue(!Files.exists(Path.of(".env")), "a .env file is in the working directory");
    }
}
