package com.mcpregistry.http.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mcpregistry.http.publication.OfficialRegistryApi;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The 2025-12-11 edition of the official server.json schema, vendored beside the first copy with the OpenAPI document
 * and the official examples that go with it: it names its edition, and it judges the official examples as the official
 * registry does — every valid one passes, every invalid one fails. Everything is read from the class path.
 */
class OfficialSchemaEditionsTest {
    private static final String EDITION = "2025-12-11/";
    private static final String SCHEMA_URL =
            "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String name) throws IOException {
        return MAPPER.readTree(OfficialRegistryApi.document(name));
    }

    private static List<String> problems(String example) throws IOException {
        JsonSchema schema = OfficialRegistryApi.serverSchema(EDITION);
        Set<ValidationMessage> messages = schema.validate(json(EDITION + "examples/" + example));
        List<String> problems = new ArrayList<>();
        messages.forEach(message -> problems.add(message.getMessage()));
        return problems;
    }

    @Test
    void the_schema_names_the_2025_12_11_edition() throws IOException {
        JsonNode schema = json(EDITION + "server.schema.json");
        assertThat(schema.path("$id").asText()).isEqualTo(SCHEMA_URL);
        assertThat(schema.at("/definitions/ServerDetail/properties/$schema/example")
                        .asText())
                .isEqualTo(SCHEMA_URL);
        assertThat(json("server.schema.json").path("$id").asText())
                .as("the first vendored copy stays the 2025-09-29 edition")
                .isEqualTo("https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json");
    }

    @Test
    void the_openapi_document_of_the_edition_declares_the_same_schema_url() throws IOException {
        Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(OfficialRegistryApi.document(EDITION + "openapi.yaml"));
        JsonNode openApi = MAPPER.valueToTree(yaml);
        assertThat(openApi.path("openapi").asText()).startsWith("3.1");
        assertThat(openApi.at("/components/schemas/ServerDetail/properties/$schema/example")
                        .asText())
                .isEqualTo(SCHEMA_URL);
    }

    @Test
    void the_licence_and_sources_are_vendored_with_it() throws IOException {
        assertThat(OfficialRegistryApi.document(EDITION + "LICENSE")).contains("MIT");
        assertThat(OfficialRegistryApi.document(EDITION + "SOURCE.txt"))
                .contains("modelcontextprotocol/registry")
                .contains("internal/validators/schemas/2025-12-11.json");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "minimal.json",
                "with-package.json",
                "with-remote.json",
                "generic-pypi.json",
                "generic-nuget.json",
                "generic-oci.json",
                "generic-mcpb.json",
                "generic-hybrid.json"
            })
    void every_valid_official_example_passes(String example) throws IOException {
        assertThat(problems("valid/" + example)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bad-name-pattern.json",
                "description-too-long.json",
                "missing-name.json",
                "package-version-latest.json",
                "positional-argument-missing-value.json"
            })
    void every_invalid_official_example_fails(String example) throws IOException {
        assertThat(problems("invalid/" + example)).isNotEmpty();
    }

    @Test
    void the_valid_examples_cover_every_package_type_and_a_remote_with_headers_and_variables() throws IOException {
        List<String> registryTypes = new ArrayList<>();
        boolean remoteWithHeadersAndVariables = false;
        for (String example : List.of(
                "with-package.json",
                "with-remote.json",
                "generic-pypi.json",
                "generic-nuget.json",
                "generic-oci.json",
                "generic-mcpb.json",
                "generic-hybrid.json")) {
            JsonNode server = json(EDITION + "examples/valid/" + example);
            server.path("packages")
                    .forEach(p -> registryTypes.add(p.path("registryType").asText()));
            for (JsonNode remote : server.path("remotes")) {
                remoteWithHeadersAndVariables |= remote.path("headers").size() > 0
                        && remote.path("variables").size() > 0;
            }
        }
        assertThat(registryTypes).contains("npm", "pypi", "nuget", "oci", "mcpb");
        assertThat(remoteWithHeadersAndVariables).isTrue();
    }

    @Test
    void the_schema_really_judges_what_the_edition_added() throws IOException {
        JsonSchema schema = OfficialRegistryApi.serverSchema(EDITION);
        String remote = """
                {"name":"com.contoso/ledger","description":"Books entries","version":"1.0.0",
                 "remotes":[{"type":"streamable-http","url":"%s"}]}""";
        assertThat(schema.validate(MAPPER.readTree(remote.formatted("https://mcp.contoso.com/mcp"))))
                .isEmpty();
        assertThat(schema.validate(MAPPER.readTree(remote.formatted("ftp://mcp.contoso.com/mcp"))))
                .as("a remote URL that is not http(s)")
                .isNotEmpty();
        String icon = """
                {"name":"com.contoso/ledger","description":"Books entries","version":"1.0.0",
                 "icons":[{"src":"https://contoso.com/i.png","mimeType":"%s"}]}""";
        assertThat(schema.validate(MAPPER.readTree(icon.formatted("image/png"))))
                .isEmpty();
        assertThat(schema.validate(MAPPER.readTree(icon.formatted("image/gif"))))
                .as("an icon MIME type the edition does not list")
                .isNotEmpty();
    }
}
