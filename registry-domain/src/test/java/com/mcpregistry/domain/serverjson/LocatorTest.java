package com.mcpregistry.domain.serverjson;

import static com.mcpregistry.domain.testing.ServerDocumentTestData.definition;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.npmPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.remoteWithHeadersAndVariables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocatorTest {

    private static Package pkg(RegistryType type, String identifier) {
        return new Package(
                type,
                Optional.empty(),
                identifier,
                type == RegistryType.OCI || type == RegistryType.MCPB
                        ? Optional.empty()
                        : Optional.of(new Version("1.0.0")),
                type == RegistryType.MCPB
                        ? Optional.of("fe333e598595000ae021bd27117db32ec69af6987f507ba7a63c90638ff633ce")
                        : Optional.empty(),
                Optional.empty(),
                new Transport.Stdio(),
                List.of(),
                List.of(),
                List.of());
    }

    @Test
    void a_remote_url_is_compared_normalised() {
        assertThat(Locator.of(new UrlTemplate("https://Ledger.Contoso.com:443/mcp/")))
                .isEqualTo(Locator.of(new UrlTemplate("https://ledger.contoso.com/mcp")))
                .hasToString("remote https://ledger.contoso.com/mcp");
        assertThat(Locator.of(new UrlTemplate("https://ledger.contoso.com/mcp/v2")))
                .isNotEqualTo(Locator.of(new UrlTemplate("https://ledger.contoso.com/mcp")));
    }

    @Test
    void a_remote_url_with_variables_is_compared_as_written() {
        assertThat(Locator.of(new UrlTemplate("https://{tenant}.contoso.com/mcp")))
                .hasToString("remote https://{tenant}.contoso.com/mcp");
    }

    @ParameterizedTest
    @CsvSource({
        "npm, @Contoso/Ledger, @contoso/ledger, npm @contoso/ledger",
        "nuget, Contoso.Ledger, contoso.ledger, nuget contoso.ledger",
        "pypi, Ledger_MCP.server, ledger-mcp-server, pypi ledger-mcp-server",
        "pypi, ledger__mcp--server, Ledger.MCP.Server, pypi ledger-mcp-server",
        "oci, ghcr.io/contoso/ledger:1.0.0, ghcr.io/contoso/ledger:2.0.0, oci ghcr.io/contoso/ledger",
    })
    void packages_of_one_name_are_one_package_however_spelt(String type, String one, String other, String text) {
        RegistryType registryType = RegistryType.parse("registryType", type);

        assertThat(Locator.of(pkg(registryType, one)))
                .isEqualTo(Locator.of(pkg(registryType, other)))
                .hasToString(text);
    }

    @Test
    void the_same_identifier_in_two_registry_types_is_two_packages() {
        assertThat(Locator.of(pkg(RegistryType.NPM, "ledger")))
                .isNotEqualTo(Locator.of(pkg(RegistryType.PYPI, "ledger")));
    }

    @Test
    void a_definition_has_a_locator_for_each_remote_and_package_and_describes_each_as_written() {
        ServerDefinition d = definition(List.of(npmPackage()), List.of(remoteWithHeadersAndVariables()));

        assertThat(d.locators())
                .extracting(Locator::value)
                .containsExactly("remote https://{host}/mcp", "npm @modelcontextprotocol/server-weather");
        assertThat(d.describe(Locator.of(pkg(RegistryType.NPM, "@ModelContextProtocol/Server-Weather"))))
                .isEqualTo("the npm package @modelcontextprotocol/server-weather");
        assertThat(d.describe(Locator.of(new UrlTemplate("https://elsewhere.example.com/mcp"))))
                .isEqualTo("the remote URL https://elsewhere.example.com/mcp");
    }
}
