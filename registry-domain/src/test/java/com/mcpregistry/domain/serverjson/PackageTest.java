package com.mcpregistry.domain.serverjson;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.input;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.mcpbPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.npmPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.InvalidInput;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackageTest {

    private static Package with(
            RegistryType type,
            String identifier,
            Optional<Version> version,
            Optional<String> sha,
            Transport transport,
            List<Argument> arguments,
            List<KeyValueInput> environment) {
        return new Package(
                type,
                Optional.empty(),
                identifier,
                version,
                sha,
                Optional.empty(),
                transport,
                List.of(),
                arguments,
                environment);
    }

    private static Package withVersion(RegistryType type, Optional<Version> version) {
        return with(type, "weather", version, Optional.empty(), new Transport.Stdio(), List.of(), List.of());
    }

    @Test
    void npm_pypi_and_nuget_packages_need_a_version_oci_images_do_not() {
        assertRejected("/version", () -> withVersion(RegistryType.NPM, Optional.empty()));
        assertRejected("/version", () -> withVersion(RegistryType.PYPI, Optional.empty()));
        assertRejected("/version", () -> withVersion(RegistryType.NUGET, Optional.empty()));
        assertThat(with(
                                RegistryType.OCI,
                                "docker.io/example/weather:1.0.0",
                                Optional.empty(),
                                Optional.empty(),
                                new Transport.Stdio(),
                                List.of(),
                                List.of())
                        .version())
                .isEmpty();
    }

    @Test
    void a_package_needs_an_identifier() {
        Optional<Version> v = Optional.of(new Version("1.0.0"));
        assertRejected(
                "/identifier",
                () -> with(RegistryType.NPM, " ", v, Optional.empty(), new Transport.Stdio(), List.of(), List.of()));
        assertRejected(
                "/identifier",
                () -> with(RegistryType.NPM, null, v, Optional.empty(), new Transport.Stdio(), List.of(), List.of()));
    }

    @Test
    void an_mcpb_bundle_is_an_https_download_checked_by_its_sha256() {
        Package ok = mcpbPackage();
        assertRejected(
                "/fileSha256",
                () -> with(
                        RegistryType.MCPB,
                        ok.identifier(),
                        ok.version(),
                        Optional.empty(),
                        new Transport.Stdio(),
                        List.of(),
                        List.of()));
        assertRejected(
                "/identifier",
                () -> with(
                        RegistryType.MCPB,
                        "http://github.com/example/weather/releases/download/v1.0.0/weather.mcpb",
                        ok.version(),
                        ok.fileSha256(),
                        new Transport.Stdio(),
                        List.of(),
                        List.of()));
        assertRejected(
                "/fileSha256",
                () -> with(
                        RegistryType.MCPB,
                        ok.identifier(),
                        ok.version(),
                        Optional.of("FE333E598595000AE021BD27117DB32EC69AF6987F507BA7A63C90638FF633CE"),
                        new Transport.Stdio(),
                        List.of(),
                        List.of()));
    }

    @Test
    void a_package_with_three_problems_reports_all_three() {
        assertThatThrownBy(() -> with(
                        RegistryType.NPM,
                        "",
                        Optional.empty(),
                        Optional.of("abc"),
                        new Transport.Stdio(),
                        List.of(),
                        List.of()))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("/identifier", "/version", "/fileSha256"));
    }

    @Test
    void an_http_transport_url_refers_only_to_the_package_s_arguments_and_environment() {
        Optional<Version> v = Optional.of(new Version("1.0.0"));
        List<Argument> arguments = List.of(
                new Argument.Named("--port", input().defaultValue("8080").build(), Variables.NONE, false),
                new Argument.Positional(Input.NONE, Variables.NONE, Optional.of("host"), false));
        List<KeyValueInput> environment = List.of(new KeyValueInput("MCP_PATH", Input.NONE, Variables.NONE));
        Transport http = new Transport.StreamableHttp(new UrlTemplate("http://{host}:{port}/{MCP_PATH}"), List.of());

        Package ok = with(RegistryType.NPM, "weather", v, Optional.empty(), http, arguments, environment);
        assertThat(ok.transport().url()).isPresent();

        Transport unknown = new Transport.Sse(new UrlTemplate("http://localhost:{tenant}/sse"), List.of());
        assertRejected(
                "/transport/url",
                () -> with(RegistryType.NPM, "weather", v, Optional.empty(), unknown, arguments, environment));
    }

    @Test
    void the_official_npm_example_builds() {
        assertThat(npmPackage().runtimeHint()).contains("npx");
    }
}
