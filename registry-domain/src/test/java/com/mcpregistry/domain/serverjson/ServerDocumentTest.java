package com.mcpregistry.domain.serverjson;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.document;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.input;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.mcpbPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.npmPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.nugetPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.ociPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.pypiPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.remoteWithHeadersAndVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.Validation;
import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.shared.ServerName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerDocumentTest {

    @Test
    void a_document_holds_a_package_of_every_registry_type() {
        ServerDocument doc =
                document(List.of(npmPackage(), pypiPackage(), nugetPackage(), ociPackage(), mcpbPackage()), List.of());

        assertThat(doc.definition().packages())
                .extracting(Package::registryType)
                .containsExactly(
                        RegistryType.NPM, RegistryType.PYPI, RegistryType.NUGET, RegistryType.OCI, RegistryType.MCPB);
        assertThat(doc.definition().packages().get(0).packageArguments())
                .hasExactlyElementsOfTypes(Argument.Positional.class, Argument.Named.class);
        assertThat(doc.definition()
                        .packages()
                        .get(0)
                        .environmentVariables()
                        .get(0)
                        .input()
                        .isSecret())
                .isTrue();
        assertThat(doc.definition().packages().get(3).version()).isEmpty();
        assertThat(ServerDocument.SCHEMA_EDITION).isEqualTo("2025-12-11");
    }

    @Test
    void a_document_holds_a_remote_with_headers_and_url_variables() {
        ServerDocument doc = document(List.of(), List.of(remoteWithHeadersAndVariables()));

        Remote remote = doc.definition().remotes().get(0);
        assertThat(remote.url().variableNames()).containsExactly("host");
        assertThat(remote.variables().names()).containsExactly("host");
        assertThat(remote.headers()).extracting(KeyValueInput::name).containsExactly("Authorization");
    }

    @Test
    void a_document_needs_a_package_or_a_remote() {
        assertRejected("/packages", () -> document(List.of(), List.of()));
    }

    @Test
    void its_lists_cannot_be_changed_afterwards() {
        List<Package> packages = new ArrayList<>(List.of(npmPackage()));
        ServerDocument doc = document(packages, List.of());
        packages.clear();

        assertThat(doc.definition().packages()).hasSize(1);
        assertThatThrownBy(() -> doc.definition().packages().add(pypiPackage()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void publisher_meta_is_at_most_four_kibibytes_of_utf8() {
        String fourKiB = "{\"n\":\"" + "é".repeat((4096 - 8) / 2) + "\"}";
        assertThat(fourKiB.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(4096);

        assertThat(new PublisherMeta(fourKiB).json()).isEqualTo(fourKiB);
        assertRejected(PublisherMeta.POINTER, () -> new PublisherMeta(fourKiB.replace("{\"n\"", "{\"nn\"")));
        assertRejected(PublisherMeta.POINTER, () -> new PublisherMeta(" "));
    }

    /**
     * How the HTTP adapter is to build a document: each value at its JSON pointer, through one {@link Validation},
     * so that problems at different depths are all reported together.
     */
    @Test
    void every_problem_of_a_document_is_reported_at_its_json_pointer() {
        Validation validation = new Validation();

        validation.check("/name", () -> new ServerName("no slash"));
        validation.check("/description", () -> new Description("ok"));
        validation.check("/version", () -> new Version("^1.2"));
        validation.check(
                "/packages/0",
                () -> new Package(
                        RegistryType.NPM,
                        Optional.empty(),
                        " ",
                        Optional.of(new Version("1.0.0")),
                        Optional.empty(),
                        Optional.empty(),
                        new Transport.Stdio(),
                        List.of(),
                        List.of(),
                        List.of()));
        validation.check(
                "/packages/0/environmentVariables/0",
                () -> input().secret().defaultValue("hunter2").build());
        validation.check("/remotes/1/url", () -> new UrlTemplate("ftp://files.example.com/mcp"));
        validation.check(
                "/remotes/1/variables/tenant",
                () -> input().secret().value("acme").build());

        assertThatThrownBy(validation::complete)
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly(
                                        "/name",
                                        "/version",
                                        "/packages/0/identifier",
                                        "/packages/0/environmentVariables/0/default",
                                        "/remotes/1/url",
                                        "/remotes/1/variables/tenant/value"));
    }
}
