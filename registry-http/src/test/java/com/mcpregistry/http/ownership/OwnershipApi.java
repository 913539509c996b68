package com.mcpregistry.http.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.http.api.StartedApi;
import com.mcpregistry.http.docs.OpenApiSchemas;
import com.mcpregistry.http.shared.ProblemDetails;
import com.mcpregistry.http.testing.ApiClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A started API driven as its users drive it, every answer checked against the OpenAPI document (status, media type,
 * body, headers) and every error a problem document: submissions, owners and claims.
 */
final class OwnershipApi {
    private static final OpenApiSchemas DOCUMENT = OpenApiSchemas.fromClasspath();

    private final ApiClient http;

    OwnershipApi(StartedApi api) {
        this.http = new ApiClient(() -> api.app().port(), OwnershipApi::documented);
    }

    private static void documented(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isLessThan(500);
        if (answer.statusCode() >= 400) {
            assertThat(answer.headers().firstValue("Content-Type")).hasValue(ProblemDetails.CONTENT_TYPE);
        }
        DOCUMENT.assertResponse(answer);
    }

    ApiClient http() {
        return http;
    }

    /** A namespace no other test uses, e.g. {@code com.contoso.t1a2b3c4d}. */
    static String freshNamespace() {
        return "com.contoso.t" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code /servers/<name, URL-encoded>/owners}. */
    static String owners(String serverName) {
        return "/servers/" + encoded(serverName) + "/owners";
    }

    /** {@code /servers/<name>/owners/<owner>}, both URL-encoded. */
    static String owner(String serverName, String owner) {
        return owners(serverName) + "/" + encoded(owner);
    }

    static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    HttpResponse<String> submit(String token, String serverName, String version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("server_name", serverName);
        body.put("version", version);
        body.put("title", "Tools of " + serverName);
        body.put("description", "Serves " + serverName);
        body.put("endpoint_url", "https://" + serverName.replace('/', '.') + ".contoso.com/mcp");
        body.put("owner_contact", "owner@contoso.com");
        return http.post("/registrations", token, body);
    }

    /** Submits a version that must be accepted; its registration as answered. */
    JsonNode submitted(String token, String serverName, String version) {
        return ok(submit(token, serverName, version), 201);
    }

    /** The user id of the user behind {@code token}, who is signed in by asking. */
    String userId(String token) {
        return ok(http.get("/users/me", token), 200).path("user_id").asText();
    }

    /** The {@code owner} names of an owners answer, e.g. {@code [user:…, group:…]}. */
    static List<String> ownerNames(JsonNode answer) {
        List<String> names = new ArrayList<>();
        answer.path("owners").forEach(owner -> names.add(owner.path("owner").asText()));
        return names;
    }

    /** The {@code can} of a registration answer. */
    static List<String> can(JsonNode registration) {
        List<String> can = new ArrayList<>();
        registration.path("can").forEach(action -> can.add(action.asText()));
        return can;
    }

    static JsonNode ok(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return ApiClient.json(answer);
    }

    /** The problem's detail, after checking its status. */
    static String refused(HttpResponse<String> answer, int status) {
        return ok(answer, status).path("detail").asText();
    }

    /** The fields a 400 names. */
    static List<String> rejectedFields(HttpResponse<String> answer) {
        List<String> fields = new ArrayList<>();
        ok(answer, 400)
                .path("errors")
                .forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }
}
