package com.mcpregistry.http.publication;

import static com.mcpregistry.http.serverjson.ServerJsonDocuments.asWritten;
import static com.mcpregistry.http.serverjson.ServerJsonDocuments.document;
import static com.mcpregistry.http.serverjson.ServerJsonDocuments.with;
import static com.mcpregistry.http.serverjson.ServerJsonDocuments.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.api.StartedApi;
import com.mcpregistry.http.api.StubTokens;
import com.mcpregistry.http.testing.ApiClient;
import com.mcpregistry.http.testing.DocumentedAnswers;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Publishing from CI: {@code POST /v0.1/publish} and {@code /v0/publish} take a server.json with a bearer token and
 * answer as the official openapi.yaml says (200, {@code ServerResponse}; errors {@code {"error": "..."}}); the version
 * is a Pending registration until an administrator approves it. Real HTTP against the in-memory core, every answer
 * checked against the official documents and the registry's own.
 */
class PublishRoutesTest {
    private static final String PUBLISHER = StubTokens.user("ci-pipeline");
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

    @ParameterizedTest
    @ValueSource(strings = {"/v0.1/publish", "/v0/publish"})
    void a_publish_is_answered_as_the_official_registry_does_and_waits_for_review(String path) {
        ObjectNode sent = document("com.contoso/ledger-tools", "1.4.0");

        JsonNode answer = answered(http.post(path, PUBLISHER, sent), 200);

        assertThat(answer.path("server")).isEqualTo(asWritten(sent));
        JsonNode meta = answer.path("_meta");
        assertThat(meta.has(ServerListJson.OFFICIAL_META))
                .as("an unpublished version has no official metadata")
                .isFalse();
        JsonNode ours = meta.path(ServerListJson.REGISTRATION_META);
        assertThat(ours.path("status").asText()).isEqualTo("pending");
        assertThat(ours.path("tags")).isEmpty();
        assertThat(ours.has("ownerContact")).isFalse();

        String registration = "/registrations/" + ours.path("registrationId").asText();
        JsonNode pending = answered(http.get(registration, PUBLISHER), 200);
        assertThat(pending.path("status").asText()).isEqualTo("Pending");
        assertThat(pending.path("server")).isEqualTo(asWritten(sent));
        assertThat(answered(http.get("/v0.1/servers?search=ledger-tools", null), 200)
                        .path("servers"))
                .as("not published before it is approved")
                .isEmpty();

        answered(http.review(registration, ADMIN, Map.of("status", "Approved")), 200);
        JsonNode published = answered(
                http.get("/v0.1/servers/" + encoded("com.contoso/ledger-tools") + "/versions/1.4.0", null), 200);
        assertThat(published.path("server")).isEqualTo(asWritten(sent));
    }

    @Test
    void a_publish_needs_a_valid_bearer_token() {
        HttpResponse<String> anonymous =
                http.post("/v0.1/publish", null, document("com.contoso/ledger-tools", "1.0.0"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(ApiClient.json(anonymous).path("error").asText()).contains("bearer");

        HttpResponse<String> refused =
                http.post("/v0/publish", "not-a-token", document("com.contoso/ledger-tools", "1.0.0"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void every_problem_of_the_document_is_a_400_naming_its_json_pointer() {
        ObjectNode broken = with(
                without(document("com.contoso/ledger-tools", "latest"), "/description"),
                "/remotes/0/url",
                "\"http://ledger.contoso.com/mcp\"");
        with(broken, "/packages/0/registryType", "\"maven\"");

        JsonNode answer = answered(http.post("/v0.1/publish", PUBLISHER, broken), 400);

        assertThat(fields(answer)).containsExactlyInAnyOrder("/version", "/description", "/packages/0/registryType");
        assertThat(answer.path("error").asText()).contains("/version", "/description", "/packages/0/registryType");

        JsonNode rules = answered(
                http.post(
                        "/v0.1/publish",
                        PUBLISHER,
                        with(
                                document("com.contoso/ledger-tools", "1.0.0"),
                                "/remotes/0/url",
                                "\"http://ledger.contoso.com/mcp\"")),
                400);
        assertThat(fields(rules)).as("the registry's publish rules").containsExactly("/remotes/0/url");
        assertThat(fields(answered(http.post("/v0.1/publish", PUBLISHER, "[1]"), 400)))
                .containsExactly("body");
        assertThat(answered(http.post("/v0.1/publish", PUBLISHER, "{"), 400)
                        .path("error")
                        .asText())
                .contains("body");
    }

    @Test
    void a_body_that_is_not_json_is_a_415_in_the_official_shape() {
        HttpResponse<String> answer = http.send(http.request("/v0.1/publish", PUBLISHER)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name: com.contoso/ledger-tools")));

        assertThat(answered(answer, 415).path("error").asText()).contains("application/json");
    }

    @Test
    void a_version_is_published_once() {
        ObjectNode sent = document("com.contoso/ledger-tools", "1.4.0");
        answered(http.post("/v0.1/publish", PUBLISHER, sent), 200);

        HttpResponse<String> again = http.post("/v0.1/publish", PUBLISHER, sent);

        assertThat(answered(again, 409).path("error").asText()).contains("1.4.0");
        answered(http.post("/v0.1/publish", PUBLISHER, document("com.contoso/ledger-tools", "1.5.0")), 200);
    }

    @Test
    void only_the_owners_of_a_server_publish_its_versions_and_its_places_are_its_own() {
        answered(http.post("/v0.1/publish", PUBLISHER, document("com.contoso/ledger-tools", "1.4.0")), 200);

        HttpResponse<String> stranger =
                http.post("/v0.1/publish", OTHER_USER, document("com.contoso/ledger-tools", "1.5.0"));
        assertThat(answered(stranger, 403).path("error").asText()).contains("owner");

        HttpResponse<String> sameRemote = http.post(
                "/v0.1/publish", OTHER_USER, without(document("com.contoso/copied-tools", "1.0.0"), "/packages"));
        assertThat(answered(sameRemote, 409).path("error").asText()).contains("remote");
    }

    @Test
    void publish_takes_only_post() {
        HttpResponse<String> answer = http.sendUnchecked(
                http.request("/v0.1/publish", PUBLISHER).GET().build());

        assertThat(answered(answer, 405).path("error").asText()).contains("GET");
        assertThat(answer.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    private static JsonNode answered(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return ApiClient.json(answer);
    }

    private static List<String> fields(JsonNode registryError) {
        List<String> fields = new ArrayList<>();
        registryError
                .path("errors")
                .forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
