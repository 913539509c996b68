package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static com.mcpregistry.app.Submissions.submit;
import static com.mcpregistry.app.Submissions.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A CI pipeline's service principal calls the registry with the app-only token Entra ID gives it (client credentials
 * or workload identity federation): with the publish app role it is a user of its own, without an e-mail, that submits
 * and owns servers as any user does; without the role it is refused, naming the role.
 */
class ServicePrincipalEndToEndTest {
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard();

    private static final String PIPELINE = "contoso-ledger-ci";

    @Test
    void a_pipeline_with_the_publish_role_is_a_user_without_an_e_mail() {
        HttpResponse<String> me = registry.get("/users/me", registry.servicePrincipalToken(PIPELINE));

        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode user = json(me);
        assertThat(user.path("display_name").asText()).isEqualTo(PIPELINE);
        assertThat(user.path("email").isMissingNode() || user.path("email").isNull())
                .as("no e-mail: " + user)
                .isTrue();
        assertThat(user.path("is_admin").asBoolean()).isFalse();
        assertThat(registry.get("/audit", registry.servicePrincipalToken(PIPELINE))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void the_same_service_principal_is_the_same_user_on_every_token() {
        String objectId = RunningRegistry.objectIdOf("service-principal:contoso-audit-ci");
        String first = json(registry.get("/users/me", registry.servicePrincipalToken("contoso-audit-ci")))
                .path("user_id")
                .asText();

        // A token without the optional claims idtyp and app_displayname: the service principal is its object id.
        String plain = registry.tokens()
                .sign(registry.tokens()
                        .appClaimsOf(objectId, "Registry.Publish")
                        .build());
        JsonNode again = json(registry.get("/users/me", plain));

        assertThat(again.path("user_id").asText()).isEqualTo(first);
        assertThat(again.path("object_id").asText()).isEqualTo(objectId);
    }

    @Test
    void a_pipeline_without_the_publish_role_is_403_naming_the_role() {
        String unassigned = registry.tokens()
                .sign(registry.tokens()
                        .appClaims("Some.Other.Role")
                        .claim("idtyp", "app")
                        .build());

        HttpResponse<String> refused = registry.get("/users/me", unassigned);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer error=\"insufficient_scope\", scope=\"Registry.Publish\"");
        assertThat(json(refused).path("detail").asText()).contains("Registry.Publish");
    }

    @Test
    void a_pipeline_without_any_role_is_401() {
        String roleless = registry.tokens()
                .sign(registry.tokens().appClaims().claim("idtyp", "app").build());

        HttpResponse<String> refused = registry.get("/users/me", roleless);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void a_pipeline_submits_a_server_and_owns_it() {
        String pipeline = registry.servicePrincipalToken("contoso-payments-ci");
        String name = uniqueName("payments");

        JsonNode created = submit(registry, pipeline, Submissions.of(name));

        String pipelineUser =
                json(registry.get("/users/me", pipeline)).path("user_id").asText();
        assertThat(created.path("submitter_id").asText()).isEqualTo(pipelineUser);
        assertThat(created.path("status").asText()).isEqualTo("Pending");
        HttpResponse<String> owners = registry.get(OwnershipEndToEndTest.ownersPath(name), pipeline);
        assertThat(owners.statusCode()).isEqualTo(200);
        assertThat(json(owners).path("owners").findValuesAsText("owner")).containsExactly("user:" + pipelineUser);
        assertThat(json(owners).path("owners").get(0).path("display_name").asText())
                .isEqualTo("contoso-payments-ci");

        HttpResponse<String> otherPipeline = registry.post(
                "/registrations",
                registry.servicePrincipalToken("someone-elses-ci"),
                Submissions.of(name, "1.1.0", Submissions.endpointOf(name)));
        assertThat(otherPipeline.statusCode())
                .as("another pipeline is not an owner")
                .isEqualTo(403);
    }
}
