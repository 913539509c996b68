package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static com.mcpregistry.app.ServerJsonDocuments.publishedPath;
import static com.mcpregistry.app.Submissions.approve;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.http.publication.OfficialRegistryApi;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Publishing from CI (SPEC §9): {@code POST /v0.1/publish} (and {@code /v0/publish}) with a server.json body and the
 * app-only token of a pipeline's service principal creates a Pending registration that administrators see among the
 * pending ones, answered in the official {@code ServerResponse} shape with {@code pending} under our own {@code _meta}
 * key; it is published once approved. The ownership rules of every submission apply.
 */
class PublishFromCiEndToEndTest {
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard();

    /** Our own {@code _meta} key, beside the official one. */
    private static final String REGISTRATION_META = "com.mcpregistry/registration";

    private static final String PIPELINE = "contoso-ledger-pipeline";

    @Test
    void a_service_principal_publishes_a_pending_registration_that_admins_review() {
        ObjectNode document = ServerJsonDocuments.npmServer("ci-ledger", null);

        HttpResponse<String> published =
                registry.post("/v0.1/publish", registry.servicePrincipalToken(PIPELINE), document);

        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        OfficialRegistryApi.load().assertConforms(published);
        JsonNode answer = json(published);
        assertThat(answer.path("server")).isEqualTo(document);
        JsonNode ours = answer.path("_meta").path(REGISTRATION_META);
        assertThat(ours.path("status").asText()).isEqualTo("pending");
        String registrationId = ours.path("registrationId").asText();
        assertThat(registrationId).isNotEmpty();

        JsonNode pending = json(registry.get("/registrations?status=Pending", registry.adminToken()));
        JsonNode listed = registrationIn(pending, registrationId);
        assertThat(listed.path("server_name").asText())
                .isEqualTo(document.path("name").asText());
        assertThat(listed.path("status").asText()).isEqualTo("Pending");
        assertThat(listed.path("server")).isEqualTo(document);
        assertThat(listed.path("submitter_id").asText())
                .isEqualTo(json(registry.get("/users/me", registry.servicePrincipalToken(PIPELINE)))
                        .path("user_id")
                        .asText());

        assertThat(registry.get(publishedPath(document), null).statusCode())
                .as("not published before it is approved")
                .isEqualTo(404);
        approve(registry, json(registry.get("/registrations/" + registrationId, registry.adminToken())));
        HttpResponse<String> served = registry.get(publishedPath(document), null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(json(served).path("server")).isEqualTo(document);
    }

    @Test
    void v0_publish_does_the_same() {
        ObjectNode document = ServerJsonDocuments.npmServer("ci-v0", null);

        HttpResponse<String> published =
                registry.post("/v0/publish", registry.servicePrincipalToken(PIPELINE), document);

        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(json(published)
                        .path("_meta")
                        .path(REGISTRATION_META)
                        .path("status")
                        .asText())
                .isEqualTo("pending");
    }

    @Test
    void a_user_publishes_too() {
        ObjectNode document = ServerJsonDocuments.npmServer("user-published", null);

        HttpResponse<String> published = registry.post("/v0.1/publish", registry.userToken("Uma User"), document);

        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    }

    @Test
    void only_the_owners_publish_further_versions() {
        ObjectNode first = ServerJsonDocuments.npmServer("owned-by-ci", null);
        assertThat(registry.post("/v0.1/publish", registry.servicePrincipalToken(PIPELINE), first)
                        .statusCode())
                .isEqualTo(200);
        ObjectNode next = first.deepCopy().put("version", "1.0.1");
        ((ObjectNode) next.path("packages").get(0)).put("version", "1.0.1");

        HttpResponse<String> stranger =
                registry.post("/v0.1/publish", registry.servicePrincipalToken("someone-elses-pipeline"), next);
        HttpResponse<String> owner = registry.post("/v0.1/publish", registry.servicePrincipalToken(PIPELINE), next);

        assertThat(stranger.statusCode()).as(stranger.body()).isEqualTo(403);
        assertThat(json(stranger).path("error").asText()).isNotEmpty();
        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(200);
    }

    @Test
    void publishing_needs_a_token_with_the_publish_role() {
        ObjectNode document = ServerJsonDocuments.npmServer("unauthorised", null);
        String unassigned = registry.tokens()
                .sign(registry.tokens().appClaims("Some.Other.Role").build());

        assertThat(registry.post("/v0.1/publish", null, document).statusCode()).isEqualTo(401);
        assertThat(registry.post("/v0.1/publish", unassigned, document).statusCode())
                .isEqualTo(403);
    }

    @Test
    void an_invalid_document_is_400_in_the_official_error_shape() {
        ObjectNode document = ServerJsonDocuments.npmServer("invalid-ci", null);
        ((ObjectNode) document.path("packages").get(0)).put("version", "latest");

        HttpResponse<String> refused =
                registry.post("/v0.1/publish", registry.servicePrincipalToken(PIPELINE), document);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("error").asText()).contains("/packages/0/version");
    }

    private static JsonNode registrationIn(JsonNode page, String registrationId) {
        for (JsonNode item : page.path("items")) {
            if (item.path("registration_id").asText().equals(registrationId)) {
                return item;
            }
        }
        throw new AssertionError("registration " + registrationId + " is not among the pending ones: " + page);
    }
}
