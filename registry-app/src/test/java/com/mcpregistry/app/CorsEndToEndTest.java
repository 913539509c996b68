package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.http.api.ApiSettings;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With CORS_ORIGINS set, a request from another origin is served or refused as a whole, never both (issue 11 point
 * 11): what the answer says happened is what the database holds.
 */
class CorsEndToEndTest {
    private static final String PORTAL = "https://portal.contoso.example";

    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard().with(new ApiSettings(List.of(PORTAL)));

    @Test
    void an_approval_sent_from_another_origin_is_answered_as_what_it_did() {
        JsonNode pending = Submissions.submitNew(registry, registry.userToken("Cora Cors"), "cors");
        String path = Submissions.pathOf(pending);

        HttpResponse<String> answer = registry.send(RunningRegistry.withJson(
                registry.request(path + "/status", registry.adminToken(), "Origin", "https://evil.example"),
                "PATCH",
                Map.of(
                        "status",
                        "Approved",
                        "row_version",
                        pending.path("row_version").asInt())));
        String status = RunningRegistry.json(registry.get(path, registry.adminToken()))
                .path("status")
                .asText();

        assertThat(answer.statusCode() / 100 == 2 ? "Approved" : "Pending")
                .as("the status the answer (" + answer.statusCode() + ") says the registration has")
                .isEqualTo(status);
        assertThat(answer.statusCode())
                .as("served as a request without an origin; the browser keeps it from the page")
                .isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(registry.get(path + "/history", registry.adminToken()).body())
                .contains("\"to_status\":\"Approved\"");
    }

    @Test
    void the_allowed_origin_is_granted() {
        HttpResponse<String> answer = registry.get("/users/me", registry.userToken("Cora Cors"), "Origin", PORTAL);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PORTAL);
    }
}
