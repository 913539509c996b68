package com.mcpregistry.http.registration;

import static com.mcpregistry.http.serverjson.ServerJsonDocuments.asWritten;
import static com.mcpregistry.http.serverjson.ServerJsonDocuments.document;
import static com.mcpregistry.http.serverjson.ServerJsonDocuments.example;
import static com.mcpregistry.http.serverjson.ServerJsonDocuments.json;
import static com.mcpregistry.http.serverjson.ServerJsonDocuments.with;
import static com.mcpregistry.http.serverjson.ServerJsonDocuments.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.api.StartedApi;
import com.mcpregistry.http.api.StubTokens;
import com.mcpregistry.http.serverjson.ServerJsonDocuments;
import com.mcpregistry.http.serverjson.ServerJsonWriter;
import com.mcpregistry.http.testing.ApiClient;
import com.mcpregistry.http.testing.DocumentedAnswers;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A registration holds a whole server.json: submitted in the seed's simple fields or as {@code server}, answered in
 * both views, edited whole, published by {@code /v0.1} as it was sent; every problem named by the field the client
 * sent. Real HTTP against the in-memory core (https remotes only, as {@code serve} holds them), every answer checked
 * against the registry's OpenAPI document and, under {@code /v0.1}, the official documents.
 */
class ServerJsonSubmissionTest {
    private static final String SUBMITTER = StubTokens.user("ada");
    private static final String OTHER_USER = StubTokens.user("linus");
    private static final String ADMIN = StubTokens.admin("grace");

    private StartedApi api;
    private ApiClient http;

    @BeforeEach
    void start() {
        api = StartedApi.start(new ApiSettings(List.of()), new StubTokens());
        http = new ApiClient(() -> api.app().port(), new DocumentedAnswers());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    static Stream<String> officialExamples() {
        return ServerJsonDocuments.VALID_EXAMPLES.stream();
    }

    @Test
    void a_seed_style_submission_is_answered_as_before_with_its_server_json_of_one_remote() {
        Map<String, Object> simple = Map.of(
                "server_name", "com.contoso.finance/ledger-tools",
                "version", "1.2.0",
                "title", "Ledger tools",
                "description", "Look up ledger accounts and post journal entries.",
                "endpoint_url", "https://mcp.contoso.com/ledger",
                "transport", "sse",
                "owner_contact", "finance-platform@contoso.com",
                "repository_url", "https://github.com/contoso/ledger-tools",
                "documentation_url", "https://docs.contoso.com/ledger",
                "tags", List.of("finance", "ledger"));

        JsonNode answer = answered(http.post("/registrations", SUBMITTER, simple), 201);

        simple.forEach((field, value) ->
                assertThat(answer.get(field)).as(field).isEqualTo(ApiClient.json(ApiClient.write(value))));
        assertThat(answer.path("server")).isEqualTo(json("""
                {
                  "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
                  "name": "com.contoso.finance/ledger-tools",
                  "description": "Look up ledger accounts and post journal entries.",
                  "title": "Ledger tools",
                  "version": "1.2.0",
                  "websiteUrl": "https://docs.contoso.com/ledger",
                  "repository": { "url": "https://github.com/contoso/ledger-tools", "source": "github" },
                  "remotes": [{ "type": "sse", "url": "https://mcp.contoso.com/ledger" }]
                }
                """));
    }

    @Test
    void a_registration_on_its_own_says_how_each_client_configures_its_remote_and_its_package() {
        ObjectNode sent = (ObjectNode) json("""
                {
                  "name": "com.contoso.finance/snippets",
                  "description": "Ledger tools, remote and local",
                  "version": "2.1.0",
                  "remotes": [{
                    "type": "streamable-http",
                    "url": "https://Snippets.Contoso.com/mcp",
                    "headers": [{ "name": "Authorization", "value": "Bearer {token}",
                                  "variables": { "token": { "description": "Your token", "isSecret": true } } }]
                  }],
                  "packages": [{
                    "registryType": "npm", "identifier": "@contoso/snippets", "version": "2.1.0",
                    "transport": { "type": "stdio" },
                    "environmentVariables": [{ "name": "LEDGER_REGION", "description": "Your region" }]
                  }]
                }
                """);
        JsonNode submitted = answered(http.post("/registrations", SUBMITTER, Map.of("server", sent)), 201);
        JsonNode install = answered(
                        http.get(
                                "/registrations/"
                                        + submitted.path("registration_id").asText(),
                                SUBMITTER),
                        200)
                .path("install");

        assertThat(install).hasSize(2);
        JsonNode remote = install.get(0);
        assertThat(remote.path("remote").asText()).isEqualTo("https://Snippets.Contoso.com/mcp");
        assertThat(remote.path("vscode")).isEqualTo(json("""
                { "servers": { "com.contoso.finance/snippets": { "type": "http", "url": "https://Snippets.Contoso.com/mcp",
                      "headers": { "Authorization": "Bearer ${input:token}" } } },
                  "inputs": [{ "id": "token", "type": "promptString", "description": "Your token", "password": true }] }
                """));
        assertThat(remote.path("copilotCli")).isEqualTo(json("""
                { "mcpServers": { "com.contoso.finance/snippets": { "type": "http",
                      "url": "https://Snippets.Contoso.com/mcp", "headers": { "Authorization": "Bearer <token>" },
                      "tools": ["*"] } } }
                """));
        assertThat(remote.path("claudeCode").asText())
                .isEqualTo("claude mcp add --transport http 'snippets' 'https://Snippets.Contoso.com/mcp'"
                        + " --header 'Authorization: Bearer <token>'");
        JsonNode local = install.get(1);
        assertThat(local.path("package").asText()).isEqualTo("npm @contoso/snippets");
        assertThat(local.path("vscode")).isEqualTo(json("""
                { "servers": { "com.contoso.finance/snippets": { "type": "stdio", "command": "npx",
                      "args": ["@contoso/snippets@2.1.0"], "env": { "LEDGER_REGION": "${input:LEDGER_REGION}" } } },
                  "inputs": [{ "id": "LEDGER_REGION", "type": "promptString", "description": "Your region",
                               "password": false }] }
                """));
        assertThat(local.path("claudeCode").asText())
                .isEqualTo("claude mcp add 'snippets' -e 'LEDGER_REGION=<LEDGER_REGION>' -- 'npx'"
                        + " '@contoso/snippets@2.1.0'");
        assertThat(answered(http.get("/registrations?limit=5", SUBMITTER), 200)
                        .path("items")
                        .get(0)
                        .has("install"))
                .as("lists leave it out")
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource("officialExamples")
    void an_official_example_sent_as_server_is_kept_shown_and_published_as_it_was_sent(String example) {
        ObjectNode sent = example("valid/" + example);
        JsonNode expected = asWritten(sent);
        String name = sent.path("name").asText();
        String version = sent.path("version").asText();

        JsonNode submitted = answered(
                http.post(
                        "/registrations",
                        SUBMITTER,
                        Map.of("server", sent, "owner_contact", "platform@contoso.com", "tags", List.of("local"))),
                201);

        assertThat(submitted.path("server")).isEqualTo(expected);
        assertThat(submitted.path("server_name").asText()).isEqualTo(name);
        assertThat(submitted.path("version").asText()).isEqualTo(version);
        boolean oneRemote =
                sent.path("remotes").size() == 1 && sent.path("packages").isEmpty();
        assertThat(submitted.has("endpoint_url")).as("endpoint_url").isEqualTo(oneRemote);
        assertThat(submitted.has("transport")).as("transport").isEqualTo(oneRemote);
        assertThat(submitted.has("title")).as("title").isEqualTo(sent.has("title"));
        String registration =
                "/registrations/" + submitted.path("registration_id").asText();
        assertThat(answered(http.get(registration, SUBMITTER), 200).path("server"))
                .isEqualTo(expected);

        answered(http.review(registration, ADMIN, Map.of("status", "Approved")), 200);

        for (String prefix : List.of("/v0.1", "/v0")) {
            JsonNode published =
                    answered(http.get(prefix + "/servers/" + encoded(name) + "/versions/" + version, null), 200);
            assertThat(published.path("server")).as(prefix).isEqualTo(expected);
            assertThat(published.at("/server/$schema").asText()).isEqualTo(ServerJsonWriter.SCHEMA_URL);
            assertThat(published
                            .at("/_meta/io.modelcontextprotocol.registry~1official/status")
                            .asText())
                    .isEqualTo("active");
            assertThat(published.at("/_meta/com.mcpregistry~1registration/tags"))
                    .isEqualTo(json("[\"local\"]"));
        }
        JsonNode listed = answered(http.get("/v0.1/servers?search=" + encoded(name), null), 200);
        assertThat(listed.at("/servers/0/server")).isEqualTo(expected);
    }

    @Test
    void a_server_without_title_remote_or_contact_is_answered_without_those_simple_fields() {
        ObjectNode sent = without(document("com.contoso/ledger-cli", "1.0.0"), "/remotes");

        JsonNode answer = answered(http.post("/registrations", SUBMITTER, Map.of("server", sent)), 201);

        assertThat(answer.has("title")).isFalse();
        assertThat(answer.has("endpoint_url")).isFalse();
        assertThat(answer.has("transport")).isFalse();
        assertThat(answer.has("owner_contact")).isFalse();
        assertThat(answer.path("tags")).isEmpty();
        assertThat(answer.path("server")).isEqualTo(asWritten(sent));
    }

    @Test
    void an_edit_with_server_replaces_the_whole_document_and_keeps_the_registrys_own_fields() {
        ObjectNode first = document("com.contoso/ledger-tools", "1.4.0");
        String registration = registrationOf(answered(
                http.post(
                        "/registrations",
                        SUBMITTER,
                        Map.of("server", first, "owner_contact", "ledger@contoso.com", "tags", List.of("finance"))),
                201));
        ObjectNode next = with(
                with(document("com.contoso/ledger-tools", "1.4.0"), "/description", "\"Ledger tools, now with a CLI\""),
                "/packages/1",
                "{\"registryType\":\"pypi\",\"identifier\":\"ledger-cli\",\"version\":\"1.4.0\","
                        + "\"transport\":{\"type\":\"stdio\"}}");

        JsonNode edited = answered(http.patch(registration, SUBMITTER, Map.of("server", next)), 200);

        assertThat(edited.path("server")).isEqualTo(asWritten(next));
        assertThat(edited.path("description").asText()).isEqualTo("Ledger tools, now with a CLI");
        assertThat(edited.path("owner_contact").asText()).isEqualTo("ledger@contoso.com");
        assertThat(edited.path("tags")).isEqualTo(json("[\"finance\"]"));
        assertThat(answered(http.get(registration, SUBMITTER), 200).path("server"))
                .isEqualTo(asWritten(next));
    }

    @Test
    void an_edit_to_another_name_or_version_is_refused_at_the_documents_name_or_version() {
        String registration = registrationOf(answered(
                http.post("/registrations", SUBMITTER, Map.of("server", document("com.contoso/ledger-tools", "1.4.0"))),
                201));

        assertThat(rejectedFields(http.patch(
                        registration, SUBMITTER, Map.of("server", document("com.contoso/other-tools", "1.4.0")))))
                .containsExactly("/server/name");
        assertThat(rejectedFields(http.patch(
                        registration, SUBMITTER, Map.of("server", document("com.contoso/ledger-tools", "1.5.0")))))
                .containsExactly("/server/version");
    }

    @Test
    void an_edit_of_the_simple_fields_changes_its_part_of_the_document() {
        String registration = registrationOf(answered(
                http.post("/registrations", SUBMITTER, Map.of("server", document("com.contoso/ledger-tools", "1.4.0"))),
                201));

        JsonNode edited = answered(
                http.patch(
                        registration,
                        SUBMITTER,
                        Map.of("title", "Ledger", "documentation_url", "https://docs.contoso.com/ledger")),
                200);

        assertThat(edited.at("/server/title").asText()).isEqualTo("Ledger");
        assertThat(edited.at("/server/websiteUrl").asText()).isEqualTo("https://docs.contoso.com/ledger");
        assertThat(edited.at("/server/packages/0/identifier").asText()).isEqualTo("@contoso/ledger-tools");
        assertThat(rejectedFields(
                        http.patch(registration, SUBMITTER, Map.of("endpoint_url", "https://mcp.contoso.com/ledger"))))
                .as("a server of a package and a remote has no one endpoint to change")
                .containsExactly("endpoint_url");
    }

    @Test
    void server_beside_the_simple_fields_it_replaces_is_refused_naming_them() {
        Map<String, Object> mixed = Map.of(
                "server", document("com.contoso/ledger-tools", "1.4.0"),
                "server_name", "com.contoso/ledger-tools",
                "title", "Ledger tools",
                "endpoint_url", "https://mcp.contoso.com/ledger",
                "owner_contact", "ledger@contoso.com");

        assertThat(rejectedFields(http.post("/registrations", SUBMITTER, mixed)))
                .containsExactlyInAnyOrder("server_name", "title", "endpoint_url");

        String registration = registrationOf(answered(
                http.post("/registrations", SUBMITTER, Map.of("server", document("com.contoso/ledger-tools", "1.4.0"))),
                201));
        assertThat(rejectedFields(http.patch(
                        registration,
                        SUBMITTER,
                        Map.of(
                                "server",
                                document("com.contoso/ledger-tools", "1.4.0"),
                                "description",
                                "x",
                                "transport",
                                "sse"))))
                .containsExactlyInAnyOrder("description", "transport");
    }

    @Test
    void problems_inside_server_are_named_below_server_with_the_registrys_own_fields() {
        ObjectNode broken = with(document("com.contoso/ledger-tools", "latest"), "/packages/0/version", "\"^1.4\"");

        assertThat(rejectedFields(http.post(
                        "/registrations", SUBMITTER, Map.of("server", broken, "owner_contact", "not an address"))))
                .containsExactlyInAnyOrder("/server/version", "/server/packages/0/version", "owner_contact");
        assertThat(rejectedFields(http.post("/registrations", SUBMITTER, Map.of("server", List.of()))))
                .containsExactly("/server");
        assertThat(rejectedFields(http.post("/registrations", SUBMITTER, "{\"server\":null}")))
                .containsExactly("/server");
    }

    @Test
    void the_registrys_publish_rules_name_the_simple_field_of_a_simple_submission() {
        Map<String, Object> plainHttp = Map.of(
                "server_name", "com.contoso/ledger-tools",
                "title", "Ledger tools",
                "description", "Ledger tools for finance teams",
                "endpoint_url", "http://mcp.contoso.com/ledger",
                "owner_contact", "ledger@contoso.com");

        assertThat(rejectedFields(http.post("/registrations", SUBMITTER, plainHttp)))
                .containsExactly("endpoint_url");

        Map<String, Object> https = new java.util.HashMap<>(plainHttp);
        https.put("endpoint_url", "https://mcp.contoso.com/ledger");
        String registration = registrationOf(answered(http.post("/registrations", SUBMITTER, https), 201));
        assertThat(rejectedFields(
                        http.patch(registration, SUBMITTER, Map.of("endpoint_url", "https://localhost/ledger"))))
                .containsExactly("endpoint_url");
    }

    @Test
    void the_registrys_publish_rules_name_a_pointer_below_server_of_a_server_submission() {
        ObjectNode sent = with(
                with(
                        document("com.contoso/ledger-tools", "1.4.0"),
                        "/remotes/0/url",
                        "\"http://ledger.contoso.com/mcp\""),
                "/packages/0/registryBaseUrl",
                "\"https://npm.contoso.com\"");

        assertThat(rejectedFields(http.post("/registrations", SUBMITTER, Map.of("server", sent))))
                .containsExactlyInAnyOrder("/server/remotes/0/url", "/server/packages/0/registryBaseUrl");
    }

    @Test
    void a_remote_url_or_package_of_another_server_is_a_conflict_and_other_versions_may_share_them() {
        answered(
                http.post("/registrations", SUBMITTER, Map.of("server", document("com.contoso/ledger-tools", "1.4.0"))),
                201);

        ObjectNode sameRemote = without(document("com.contoso/other-tools", "1.0.0"), "/packages");
        ObjectNode samePackage = with(
                without(document("com.contoso/third-tools", "1.0.0"), "/remotes"),
                "/packages/0/identifier",
                "\"@Contoso/Ledger-Tools\"");

        HttpResponse<String> remoteTaken = http.post("/registrations", OTHER_USER, Map.of("server", sameRemote));
        assertThat(remoteTaken.statusCode()).as(remoteTaken.body()).isEqualTo(409);
        assertThat(ApiClient.json(remoteTaken).path("detail").asText()).contains("remote");
        HttpResponse<String> packageTaken = http.post("/registrations", OTHER_USER, Map.of("server", samePackage));
        assertThat(packageTaken.statusCode()).as(packageTaken.body()).isEqualTo(409);
        assertThat(ApiClient.json(packageTaken).path("detail").asText()).contains("npm");
        answered(
                http.post("/registrations", SUBMITTER, Map.of("server", document("com.contoso/ledger-tools", "1.5.0"))),
                201);
    }

    private static JsonNode answered(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return ApiClient.json(answer);
    }

    private static String registrationOf(JsonNode registration) {
        return "/registrations/" + registration.path("registration_id").asText();
    }

    private static List<String> rejectedFields(HttpResponse<String> answer) {
        List<String> fields = new ArrayList<>();
        answered(answer, 400)
                .path("errors")
                .forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
