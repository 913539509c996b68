package com.mcpregistry.domain.serverjson;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.InvalidInput;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The offline per-registry-type rules of VALIDATION-RULES.md (2025-12-11), each by its number. */
class PackageRegistriesTest {

    private static final String SHA = "fe333e598595000ae021bd27117db32ec69af6987f507ba7a63c90638ff633ce";
    private static final String BUNDLE =
            "https://github.com/modelcontextprotocol/text-editor-mcpb/releases/download/v1.0.2/text-editor.mcpb";
    private static final PackageRegistries OFFICIAL = PackageRegistries.official();

    private static Package pkg(RegistryType type, String base, String identifier, String version, String sha) {
        return new Package(
                type,
                Optional.ofNullable(base).map(HttpUrl::new),
                identifier,
                Optional.ofNullable(version).map(Version::new),
                Optional.ofNullable(sha),
                Optional.empty(),
                new Transport.Stdio(),
                List.of(),
                List.of(),
                List.of());
    }

    /** A valid package of {@code type} with nothing optional. */
    private static Package plain(RegistryType type) {
        return switch (type) {
            case NPM -> pkg(type, null, "@contoso/ledger", "1.0.0", null);
            case PYPI -> pkg(type, null, "ledger-mcp", "1.0.0", null);
            case NUGET -> pkg(type, null, "Contoso.Ledger", "1.0.0", null);
            case OCI -> pkg(type, null, "docker.io/contoso/ledger:1.0.0", null, null);
            case MCPB -> pkg(type, null, BUNDLE, null, SHA);
        };
    }

    private static void assertAllowed(PackageRegistries registries, Package p) {
        assertThatCode(() -> registries.check(p)).doesNotThrowAnyException();
    }

    @Test
    void rule_34_only_the_five_registry_types_of_the_edition_exist() {
        assertThat(RegistryType.parse("registryType", "npm")).isEqualTo(RegistryType.NPM);
        assertRejected("registryType", () -> RegistryType.parse("registryType", "cargo"));
        assertRejected("registryType", () -> RegistryType.parse("registryType", "NPM"));
    }

    @ParameterizedTest
    @EnumSource(RegistryType.class)
    void rules_36_41_46_51_61_every_type_needs_an_identifier(RegistryType type) {
        Package ok = plain(type);
        assertAllowed(OFFICIAL, ok);
        assertRejected(
                "/identifier",
                () -> pkg(
                        type,
                        null,
                        "",
                        ok.version().map(Version::value).orElse(null),
                        ok.fileSha256().orElse(null)));
    }

    @ParameterizedTest
    @EnumSource(
            value = RegistryType.class,
            names = {"NPM", "PYPI", "NUGET"})
    void rules_37_42_49_packages_of_a_registry_need_a_version(RegistryType type) {
        assertThat(plain(type).version()).isPresent();
        assertRejected("/version", () -> pkg(type, null, plain(type).identifier(), null, null));
    }

    @ParameterizedTest
    @EnumSource(
            value = RegistryType.class,
            names = {"NPM", "PYPI", "NUGET", "OCI"})
    void rules_38_43_47_54_only_mcpb_bundles_carry_a_sha256(RegistryType type) {
        Package ok = plain(type);
        assertThat(ok.fileSha256()).isEmpty();
        assertRejected(
                "/fileSha256",
                () -> pkg(
                        type,
                        null,
                        ok.identifier(),
                        ok.version().map(Version::value).orElse(null),
                        SHA));
    }

    @ParameterizedTest
    @CsvSource({
        "NPM,   https://registry.npmjs.org",
        "NPM,   https://registry.npmjs.org/",
        "PYPI,  https://pypi.org",
        "NUGET, https://api.nuget.org/v3/index.json",
        "NUGET, https://api.nuget.org",
    })
    void rules_35_39_44_48_the_official_base_url_is_allowed(RegistryType type, String base) {
        assertAllowed(OFFICIAL, pkg(type, base, plain(type).identifier(), "1.0.0", null));
        assertAllowed(OFFICIAL, pkg(type, null, plain(type).identifier(), "1.0.0", null));
    }

    @ParameterizedTest
    @CsvSource({
        "NPM,   https://npm.contoso.com",
        "NPM,   https://registry.npmjs.org/mirror",
        "PYPI,  https://registry.npmjs.org",
        "PYPI,  http://pypi.org",
        "NUGET, https://api.nuget.org/v2",
    })
    void rules_35_39_44_48_another_base_url_is_refused(RegistryType type, String base) {
        Package p = pkg(type, base, plain(type).identifier(), "1.0.0", null);
        assertRejected("/registryBaseUrl", () -> OFFICIAL.check(p));
    }

    @Test
    void rule_35_a_mirror_in_PACKAGE_REGISTRIES_is_allowed_for_its_type_only() {
        PackageRegistries registries =
                PackageRegistries.parse("npm=https://artifactory.contoso.com/api/npm/npm-remote");
        String mirror = "https://artifactory.contoso.com/api/npm/npm-remote";

        assertAllowed(registries, pkg(RegistryType.NPM, mirror, "@contoso/ledger", "1.0.0", null));
        assertAllowed(
                registries, pkg(RegistryType.NPM, "https://registry.npmjs.org", "@contoso/ledger", "1.0.0", null));
        assertRejected(
                "/registryBaseUrl",
                () -> registries.check(pkg(RegistryType.PYPI, mirror, "ledger-mcp", "1.0.0", null)));
        assertRejected(
                "/registryBaseUrl",
                () -> registries.check(pkg(
                        RegistryType.NPM,
                        "https://artifactory.contoso.com/api/npm",
                        "@contoso/ledger",
                        "1.0.0",
                        null)));
    }

    @ParameterizedTest
    @EnumSource(
            value = RegistryType.class,
            names = {"OCI", "MCPB"})
    void rules_52_63_oci_and_mcpb_take_no_registry_base_url(RegistryType type) {
        assertThat(plain(type).registryBaseUrl()).isEmpty();
        assertRejected(
                "/registryBaseUrl",
                () -> pkg(
                        type,
                        "https://ghcr.io",
                        plain(type).identifier(),
                        null,
                        plain(type).fileSha256().orElse(null)));
    }

    @ParameterizedTest
    @EnumSource(
            value = RegistryType.class,
            names = {"OCI", "MCPB"})
    void rules_53_62_oci_and_mcpb_take_no_version(RegistryType type) {
        assertThat(plain(type).version()).isEmpty();
        assertRejected(
                "/version",
                () -> pkg(
                        type,
                        null,
                        plain(type).identifier(),
                        "1.0.0",
                        plain(type).fileSha256().orElse(null)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "docker.io/contoso/ledger:1.0.0",
                "contoso/ledger:1.0.0",
                "ledger:1.0.0",
                "ghcr.io/contoso/tools/ledger:v1.0.0-rc.1",
                "ghcr.io/contoso/ledger@sha256:fe333e598595000ae021bd27117db32ec69af6987f507ba7a63c90638ff633ce",
                "ghcr.io/contoso/ledger:1.0@sha256:fe333e598595000ae021bd27117db32ec69af6987f507ba7a63c90638ff633ce",
            })
    void rules_55_57_58_an_image_reference_with_a_tag_or_sha256_digest_is_an_oci_identifier(String identifier) {
        assertAllowed(OFFICIAL, pkg(RegistryType.OCI, null, identifier, null, null));
    }

    @ParameterizedTest
    @CsvSource({
        "rule 55, docker.io/Contoso/Ledger:1.0.0",
        "rule 55, docker.io/contoso/ledger:bad/tag:1",
        "rule 55, docker.io//ledger:1.0.0",
        "rule 55, docker.io/contoso/ledger:1.0.0 --privileged",
        "rule 57, ghcr.io/contoso/ledger@md5:fe333e598595000ae021bd27117db32e",
        "rule 57, ghcr.io/contoso/ledger@sha256:abc",
        "rule 58, docker.io/contoso/ledger",
        "rule 58, ledger",
    })
    void rules_55_57_58_anything_else_is_refused_as_the_identifier(String rule, String identifier) {
        assertRejected("/identifier", () -> pkg(RegistryType.OCI, null, identifier, null, null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "docker.io/contoso/ledger:1",
                "registry-1.docker.io/contoso/ledger:1",
                "index.docker.io/contoso/ledger:1",
                "ghcr.io/contoso/ledger:1",
                "us-docker.pkg.dev/contoso/tools/ledger:1",
            })
    void rule_56_images_from_the_official_registries_are_allowed(String identifier) {
        assertAllowed(OFFICIAL, pkg(RegistryType.OCI, null, identifier, null, null));
    }

    @Test
    void rule_56_images_from_another_registry_are_refused_unless_an_operator_allows_it() {
        Package azure = pkg(RegistryType.OCI, null, "contoso.azurecr.io/tools/ledger:1.0.0", null, null);
        Package pkgDev = pkg(RegistryType.OCI, null, "pkg.dev/contoso/ledger:1.0.0", null, null);
        assertRejected("/identifier", () -> OFFICIAL.check(azure));
        assertRejected("/identifier", () -> OFFICIAL.check(pkgDev));

        PackageRegistries registries = PackageRegistries.parse("oci=https://contoso.azurecr.io/tools");
        assertAllowed(registries, azure);
        assertRejected(
                "/identifier",
                () -> registries.check(pkg(RegistryType.OCI, null, "contoso.azurecr.io/other/ledger:1", null, null)));
    }

    @Test
    void rule_60_an_mcpb_bundle_needs_its_sha256() {
        assertThat(plain(RegistryType.MCPB).fileSha256()).contains(SHA);
        assertRejected("/fileSha256", () -> pkg(RegistryType.MCPB, null, BUNDLE, null, null));
        assertRejected("/fileSha256", () -> pkg(RegistryType.MCPB, null, BUNDLE, null, SHA.toUpperCase()));
    }

    @Test
    void rule_64_bundles_come_from_github_gitlab_or_a_mirror_an_operator_allows() {
        Package gitlab = pkg(
                RegistryType.MCPB,
                null,
                "https://gitlab.com/contoso/tools/-/releases/v1/downloads/ledger.mcpb",
                null,
                SHA);
        Package elsewhere = pkg(RegistryType.MCPB, null, "https://files.contoso.com/mcpb-local/ledger.mcpb", null, SHA);
        assertAllowed(OFFICIAL, plain(RegistryType.MCPB));
        assertAllowed(OFFICIAL, gitlab);
        assertRejected("/identifier", () -> OFFICIAL.check(elsewhere));

        PackageRegistries registries = PackageRegistries.parse("mcpb=https://files.contoso.com/mcpb-local");
        assertAllowed(registries, elsewhere);
        assertRejected(
                "/identifier",
                () -> registries.check(
                        pkg(RegistryType.MCPB, null, "https://files.contoso.com/mcpb-localx/ledger.mcpb", null, SHA)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://github.com/contoso/ledger-mcp/releases/download/v1.0.0/ledger.mcpb",
                "https://www.github.com/contoso/ledger-mcp/releases/download/v1.0.0/ledger.mcpb",
                "https://gitlab.com/contoso/group/ledger/-/releases/v1/downloads/ledger.mcpb",
                "https://gitlab.com/contoso/ledger-mcp/-/package_files/42/download",
            })
    void rule_65_a_bundle_on_github_or_gitlab_is_a_release_asset(String identifier) {
        assertAllowed(OFFICIAL, pkg(RegistryType.MCPB, null, identifier, null, SHA));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://github.com/contoso/ledger-mcp/raw/main/ledger.mcpb",
                "https://github.com/contoso/ledger-mcp/releases/download/v1/sub/ledger.mcpb",
                "https://gitlab.com/contoso/ledger-mcp/raw/ledger.mcpb",
                "https://gitlab.com/contoso/ledger-mcp/-/package_files/x/download",
            })
    void rule_65_any_other_github_or_gitlab_url_is_refused(String identifier) {
        assertRejected("/identifier", () -> pkg(RegistryType.MCPB, null, identifier, null, SHA));
    }

    @Test
    void rule_66_a_bundle_is_downloaded_over_https() {
        assertAllowed(OFFICIAL, pkg(RegistryType.MCPB, null, BUNDLE, null, SHA));
        assertRejected("/identifier", () -> pkg(RegistryType.MCPB, null, BUNDLE.replace("https:", "http:"), null, SHA));
        assertRejected("/identifier", () -> pkg(RegistryType.MCPB, null, "text-editor.mcpb", null, SHA));
    }

    @Test
    void rule_67_a_bundle_url_says_mcp() {
        assertAllowed(
                OFFICIAL,
                pkg(RegistryType.MCPB, null, "https://github.com/c/l/releases/download/v1/Ledger.MCPB", null, SHA));
        assertRejected(
                "/identifier",
                () -> pkg(
                        RegistryType.MCPB, null, "https://github.com/c/l/releases/download/v1/ledger.zip", null, SHA));
    }

    @Test
    void the_official_allow_list_accepts_the_packages_of_every_valid_official_example() {
        // Copied from examples/valid of the vendored 2025-12-11 reference (registry-http test resources).
        List<Package> examples = List.of(
                // generic-hybrid.json
                pkg(RegistryType.NPM, "https://registry.npmjs.org", "@example/hybrid-mcp-server", "1.5.0", null),
                // generic-mcpb.json
                pkg(RegistryType.MCPB, null, BUNDLE, null, SHA),
                // generic-nuget.json
                pkg(RegistryType.NUGET, "https://api.nuget.org", "Knapcode.SampleMcpServer", "0.5.0", null),
                // generic-oci.json
                pkg(RegistryType.OCI, null, "docker.io/example/database-manager-mcp:3.1.0", null, null),
                // generic-pypi.json
                pkg(RegistryType.PYPI, "https://pypi.org", "weather-mcp-server", "0.5.0", null),
                // with-package.json
                pkg(RegistryType.NPM, null, "@modelcontextprotocol/server-weather", "1.0.0", null));

        assertThatCode(() -> new PublishRules(OFFICIAL, false)
                        .checkSubmission(
                                document(examples, List.of()).name(),
                                document(examples, List.of()).definition()))
                .doesNotThrowAnyException();
    }

    @Test
    void every_package_from_a_registry_not_allowed_is_reported_at_once_by_its_pointer() {
        ServerDocument doc = document(
                List.of(
                        plain(RegistryType.NPM),
                        pkg(RegistryType.NPM, "https://npm.contoso.com", "@contoso/ledger", "1.0.0", null),
                        pkg(RegistryType.OCI, null, "quay.io/contoso/ledger:1", null, null),
                        pkg(RegistryType.MCPB, null, "https://files.contoso.com/ledger.mcpb", null, SHA)),
                List.of());

        assertThatThrownBy(() -> new PublishRules(OFFICIAL, false).checkSubmission(doc.name(), doc.definition()))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly(
                                        "/packages/1/registryBaseUrl",
                                        "/packages/2/identifier",
                                        "/packages/3/identifier"));
    }

    @Test
    void PACKAGE_REGISTRIES_adds_mirrors_to_the_official_registries() {
        PackageRegistries registries = PackageRegistries.parse(
                " npm=https://npm.contoso.com/ , pypi=https://pypi.contoso.com/simple,npm=https://npm2.contoso.com,");

        assertThat(registries.allowed(RegistryType.NPM))
                .containsExactly("https://registry.npmjs.org", "https://npm.contoso.com", "https://npm2.contoso.com");
        assertThat(registries.allowed(RegistryType.PYPI))
                .containsExactly("https://pypi.org", "https://pypi.contoso.com/simple");
        assertThat(PackageRegistries.parse("")).isEqualTo(PackageRegistries.official());
        assertThat(PackageRegistries.parse("  ")).isEqualTo(PackageRegistries.official());
    }

    @Test
    void every_bad_PACKAGE_REGISTRIES_entry_is_reported_at_once_under_the_setting_s_name() {
        assertThatThrownBy(() -> PackageRegistries.parse(
                        "maven=https://maven.contoso.com,npm,npm=ftp://npm.contoso.com,pypi=https://ok.contoso.com"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsOnly("PACKAGE_REGISTRIES");
                    assertThat(e.errors())
                            .extracting(FieldError::message)
                            .satisfiesExactly(
                                    m -> assertThat(m).contains("maven"),
                                    m -> assertThat(m).contains("'npm' must be type=url"),
                                    m -> assertThat(m).contains("ftp://npm.contoso.com"));
                });
    }
}
