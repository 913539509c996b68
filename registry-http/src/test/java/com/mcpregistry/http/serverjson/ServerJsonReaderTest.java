package com.mcpregistry.http.serverjson;

import static com.mcpregistry.http.serverjson.ServerJsonDocuments.json;
import static com.mcpregistry.http.serverjson.ServerJsonDocuments.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.serverjson.Package;
import com.mcpregistry.domain.serverjson.PublisherMeta;
import com.mcpregistry.domain.serverjson.ServerDocument;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading server.json: every problem is one 400-style {@link InvalidInput} naming its field by JSON pointer. */
class ServerJsonReaderTest {
    /** A valid document with one npm package and one remote, for each test to spoil in one place. */
    private static ObjectNode document() {
        return ServerJsonDocuments.document("com.contoso/ledger-tools", "1.4.0");
    }

    private static ListAssert<String> refusedFields(JsonNode document) {
        try {
            ServerJsonReader.read(document);
        } catch (InvalidInput refusal) {
            return assertThat(refusal.errors().stream().map(FieldError::field).toList());
        }
        throw new AssertionError("the document was read, though it is invalid: " + document);
    }

    @Test
    void the_valid_document_reads() {
        ServerDocument read = ServerJsonReader.read(document());

        assertThat(read.name().value()).isEqualTo("com.contoso/ledger-tools");
        assertThat(read.definition().packages())
                .singleElement()
                .extracting(Package::identifier)
                .isEqualTo("@contoso/ledger-tools");
        assertThat(read.definition().remotes().get(0).variables().names()).containsExactly("tenant");
    }

    @Test
    void a_document_with_problems_at_every_depth_lists_them_all() {
        JsonNode document = json("""
                {
                  "name": 5,
                  "description": " ",
                  "version": "1.0.0",
                  "icons": [{ "src": "http://contoso.com/icon.png", "sizes": ["big"] }],
                  "packages": [
                    { "registryType": "maven", "identifier": "com.contoso:ledger", "transport": { "type": "stdio" } },
                    {
                      "registryType": "npm",
                      "identifier": "@contoso/ledger",
                      "version": "^1.2",
                      "transport": { "type": "streamable-http" },
                      "environmentVariables": [{ "isSecret": true, "default": "s3cret" }]
                    }
                  ],
                  "remotes": [
                    { "type": "sse", "url": "https://ledger.contoso.com/sse", "headers": [{ "name": "X-Key", "format": "date" }] },
                    { "type": "streamable-http", "url": "https://{tenant}.contoso.com/mcp" }
                  ],
                  "_meta": { "io.modelcontextprotocol.registry/official": { "status": "active" } }
                }
                """);

        refusedFields(document)
                .containsExactlyInAnyOrder(
                        "/name",
                        "/description",
                        "/icons/0/src",
                        "/icons/0/sizes/0",
                        "/packages/0/registryType",
                        "/packages/1/version",
                        "/packages/1/transport/url",
                        "/packages/1/environmentVariables/0/name",
                        "/packages/1/environmentVariables/0/default",
                        "/remotes/0/headers/0/format",
                        "/remotes/1/url",
                        "/_meta/io.modelcontextprotocol.registry~1official");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/$schema | 5 | must be a string",
                "/name                                      | 5                | must be a string",
                "/packages                                  | {}               | must be an array",
                "/remotes/0                                 | \"https://x.io\" | must be a JSON object",
                "/repository                                | \"github\"       | must be a JSON object",
                "/packages/0/transport                      | \"stdio\"        | must be a JSON object",
                "/packages/0/environmentVariables/0/isSecret | \"yes\"          | must be true or false",
                "/remotes/0/variables                       | []               | must be a JSON object",
                "/remotes/0/variables/tenant/choices        | [\"a\", 1]       | must be a string",
                "/_meta                                     | 4                | must be a JSON object",
            })
    void a_value_of_the_wrong_json_type_is_refused_at_its_pointer(String pointer, String value, String message) {
        ObjectNode document = with(document(), pointer, value);
        String refused = pointer.endsWith("/choices") ? pointer + "/1" : pointer;

        assertThatThrownBy(() -> ServerJsonReader.read(document))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refusal -> assertThat(refusal.errors()).contains(new FieldError(refused, message)));
    }

    @Test
    void a_document_that_is_not_an_object_is_refused_as_a_whole() {
        assertThatThrownBy(() -> ServerJsonReader.read(json("[]")))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refusal -> assertThat(refusal.errors())
                                .containsExactly(new FieldError("", "must be a JSON object")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/packages/0/registryType                | \"maven\"",
                "/packages/0/transport/type              | \"websocket\"",
                "/packages/0/packageArguments/0/type     | \"flag\"",
                "/packages/0/packageArguments/0/format   | \"date\"",
                "/remotes/0/type                         | \"stdio\"",
            })
    void an_unknown_name_is_refused_at_its_pointer(String pointer, String value) {
        refusedFields(with(document(), pointer, value)).containsExactly(pointer);
    }

    @Test
    void an_unknown_icon_type_and_theme_are_refused_at_their_pointers() {
        ObjectNode document = with(
                document(),
                "/icons",
                "[{ \"src\": \"https://contoso.com/i.png\", \"mimeType\": \"image/gif\", \"theme\": \"blue\" }]");

        refusedFields(document).containsExactlyInAnyOrder("/icons/0/mimeType", "/icons/0/theme");
    }

    @ParameterizedTest
    @CsvSource({
        "/name",
        "/description",
        "/version",
        "/packages/0/registryType",
        "/packages/0/identifier",
        "/packages/0/transport",
        "/packages/0/transport/type",
        "/packages/0/packageArguments/0/type",
        "/packages/0/packageArguments/0/name",
        "/packages/0/environmentVariables/0/name",
        "/remotes/0/type",
        "/remotes/0/url",
        "/remotes/0/headers/0/name",
    })
    void a_missing_required_field_is_refused_at_its_pointer(String pointer) {
        ObjectNode document = document();
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) document.at(pointer.substring(0, slash))).remove(pointer.substring(slash + 1));

        assertThatThrownBy(() -> ServerJsonReader.read(document))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refusal ->
                                assertThat(refusal.errors()).containsExactly(new FieldError(pointer, "is required")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/packages/0/runtimeHint | \" \" | /packages/0/runtimeHint",
                "/packages/0/transport                          | {\"type\":\"sse\",\"url\":\"http://localhost:{nope}/sse\"} | /packages/0/transport/url",
                "/packages/0/packageArguments/0/name            | \"--port 8080\"                      | /packages/0/packageArguments/0/name",
                "/packages/0/environmentVariables/0/value       | \"s3cret\"                           | /packages/0/environmentVariables/0/value",
                "/packages/0/fileSha256                         | \"ABC\"                              | /packages/0/fileSha256",
                "/remotes/0/url                                 | \"https://{region}.contoso.com/mcp\" | /remotes/0/url",
                "/remotes/0/url                                 | \"https://user:pw@contoso.com/mcp\"  | /remotes/0/url",
                "/remotes/0/variables/tenant | {\"isSecret\":true,\"default\":\"x\"} | /remotes/0/variables/tenant/default",
                "/remotes/0/variables/a~1b                      | {\"choices\":[\"a\"],\"default\":\"b\"} | /remotes/0/variables/a~1b/default",
                "/remotes/0/headers/0/default                   | \"Bearer abc\"                       | /remotes/0/headers/0/default",
                "/repository                                    | {\"url\":\"https://github.com/contoso/ledger\",\"source\":\"github\",\"subfolder\":\"../x\"} | /repository/subfolder",
                "/websiteUrl                                    | \"not a url\"                        | /websiteUrl",
                "/title                                         | \"\"                                 | /title",
            })
    void a_refusal_of_the_domain_is_filed_under_the_field_it_concerns(String pointer, String value, String refused) {
        ObjectNode document = with(document(), pointer, value);
        refusedFields(document).containsExactly(refused);
    }

    @Test
    void an_mcpb_bundle_needs_an_https_identifier_and_its_hash() {
        ObjectNode document = with(
                document(),
                "/packages/0",
                "{\"registryType\":\"mcpb\",\"identifier\":\"http://contoso.com/ledger.mcpb\",\"transport\":{\"type\":\"stdio\"}}");

        refusedFields(document).containsExactlyInAnyOrder("/packages/0/identifier", "/packages/0/fileSha256");
    }

    @Test
    void a_package_from_a_registry_needs_its_version() {
        ObjectNode document = document();
        ((ObjectNode) document.at("/packages/0")).remove("version");

        refusedFields(document).containsExactly("/packages/0/version");
    }

    @Test
    void fields_the_schema_does_not_name_are_allowed_as_the_schema_allows_them() {
        ObjectNode document = with(document(), "/x-contoso-team", "\"finance\"");
        with(document, "/packages/0/x-mirror", "{\"path\":\"npm-remote\"}");

        assertThat(ServerJsonReader.read(document).name().value()).isEqualTo("com.contoso/ledger-tools");
    }

    @Test
    void publisher_metadata_is_kept_as_its_json_text() {
        ObjectNode document = with(
                document(),
                "/_meta",
                "{\"io.modelcontextprotocol.registry/publisher-provided\": {\"tool\": \"ci\", \"build\": [1, 2]}}");

        assertThat(ServerJsonReader.read(document).definition().publisherMeta())
                .map(PublisherMeta::json)
                .contains("{\"tool\":\"ci\",\"build\":[1,2]}");
    }

    @Test
    void publisher_metadata_must_be_an_object_of_at_most_4_kib() {
        String pointer = "/_meta/io.modelcontextprotocol.registry~1publisher-provided";

        refusedFields(with(document(), "/_meta", "{\"io.modelcontextprotocol.registry/publisher-provided\": []}"))
                .containsExactly(pointer);
        String large =
                "{\"io.modelcontextprotocol.registry/publisher-provided\": {\"log\": \"" + "x".repeat(4096) + "\"}}";
        assertThatThrownBy(() -> ServerJsonReader.read(with(document(), "/_meta", large)))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refusal -> assertThat(refusal.errors())
                                .containsExactly(new FieldError(pointer, "must be at most 4096 bytes of JSON")));
    }

    @Test
    void other_meta_keys_are_the_registrys_and_are_refused_from_a_publisher() {
        ObjectNode document = with(
                document(),
                "/_meta",
                "{\"io.modelcontextprotocol.registry/official\": {\"status\": \"active\"}, \"com.contoso/x\": 1}");

        refusedFields(document)
                .containsExactlyInAnyOrder(
                        "/_meta/io.modelcontextprotocol.registry~1official", "/_meta/com.contoso~1x");
    }

    @Test
    void a_stdio_transport_with_a_url_is_refused() {
        ObjectNode document =
                with(document(), "/packages/0/transport", "{\"type\":\"stdio\",\"url\":\"https://contoso.com/mcp\"}");

        refusedFields(document).containsExactly("/packages/0/transport/url");
    }
}
