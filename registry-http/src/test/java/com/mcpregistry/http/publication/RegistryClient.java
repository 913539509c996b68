package com.mcpregistry.http.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.http.api.StartedApi;
import com.mcpregistry.http.api.StubTokens;
import com.mcpregistry.http.docs.OpenApiSchemas;
import com.mcpregistry.http.testing.ApiClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Drives a started API as its users do: a submitter submits through the seed API, an administrator reviews and
 * deletes, and anyone reads the MCP Registry API, every answer of which is checked against the official documents
 * and against this registry's own OpenAPI document.
 */
final class RegistryClient {
    static final String SUBMITTER = StubTokens.user("ada");
    static final String ADMIN = StubTokens.admin("grace");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OpenApiSchemas OWN_DOCUMENT = OpenApiSchemas.fromClasspath();

    private final StartedApi api;
    private final OfficialRegistryApi official = OfficialRegistryApi.load();

    RegistryClient(StartedApi api) {
        this.api = api;
    }

    /** Submits version {@code version} of {@code name}; returns its registration id. */
    String submit(String name, String version) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("server_name", name)
                .put("version", version)
                .put("title", "Title of " + name)
                .put("description", "Serves " + name)
                .put("endpoint_url", "https://" + name.replace('/', '.') + ".contoso.com/mcp")
                .put("owner_contact", "owner@contoso.com");
        return submit(body);
    }

    String submit(ObjectNode body) {
        HttpResponse<String> response = send("POST", "/registrations", SUBMITTER, body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response.body()).path("registration_id").asText();
    }

    void review(String registrationId, String status) {
        ObjectNode body = MAPPER.createObjectNode().put("status", status);
        if (!status.equals("Approved")) {
            body.put("reason", "Replaced by a newer version");
        }
        HttpResponse<String> response = api.client().review("/registrations/" + registrationId, ADMIN, body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    String approved(String name, String version) {
        String id = submit(name, version);
        review(id, "Approved");
        return id;
    }

    void delete(String registrationId) {
        HttpResponse<String> response = send("DELETE", "/registrations/" + registrationId, ADMIN, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    /** A GET of the MCP Registry API, its answer checked against both documents. */
    HttpResponse<String> get(String pathAndQuery) {
        HttpResponse<String> response = api.get(pathAndQuery);
        conforms(response);
        return response;
    }

    /** The answer checked against the official documents and this registry's own. */
    void conforms(HttpResponse<String> response) {
        if (response.statusCode() != 304) {
            official.assertConforms(response);
        }
        OWN_DOCUMENT.assertResponse(response);
    }

    /** {@code get} that must answer 200, as JSON. */
    JsonNode read(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        assertThat(response.statusCode())
                .as(pathAndQuery + " " + response.body())
                .isEqualTo(200);
        return json(response.body());
    }

    HttpResponse<String> send(String method, String path, String token, String json) {
        HttpRequest.Builder request = api.client().request(path, token);
        return api.client()
                .send(
                        json == null
                                ? request.method(method, HttpRequest.BodyPublishers.noBody())
                                : ApiClient.withJson(request, method, json));
    }

    static JsonNode json(String body) {
        return ApiClient.json(body);
    }
}
