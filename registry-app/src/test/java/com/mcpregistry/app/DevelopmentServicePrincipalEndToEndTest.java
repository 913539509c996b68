package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.entra.DevelopmentServicePrincipal;
import com.mcpregistry.entra.DevelopmentTokenIssuer;
import com.mcpregistry.entra.EntraAccessTokenVerifier;
import com.mcpregistry.identity.VerifiedToken;
import com.mcpregistry.identity.port.out.TokenVerification;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service-principal tokens in development, to try publishing from CI locally: {@code POST /dev/token} with
 * {@code service_principal} and {@code token --service-principal NAME} mint the app-only token a pipeline gets
 * from Entra ID, which the same verifier accepts.
 */
class DevelopmentServicePrincipalEndToEndTest {
    @RegisterExtension
    static final RunningRegistry development = RunningRegistry.development();

    @Test
    void dev_token_mints_a_service_principal_token() {
        String token = mint(Map.of("service_principal", "contoso-ci"))
                .path("access_token")
                .asText();

        JsonNode me = json(development.get("/users/me", token));

        assertThat(me.path("display_name").asText()).isEqualTo("contoso-ci");
        assertThat(me.path("object_id").asText())
                .isEqualTo(
                        DevelopmentServicePrincipal.named("contoso-ci", false).objectId());
        assertThat(me.path("email").isMissingNode() || me.path("email").isNull())
                .as("no e-mail: " + me)
                .isTrue();
        assertThat(me.path("is_admin").asBoolean()).isFalse();
        assertThat(development.servicePrincipalToken("contoso-ci"))
                .as("the test registry's own service-principal token is the development issuer's")
                .satisfies(own -> assertThat(json(development.get("/users/me", own))
                                .path("user_id")
                                .asText())
                        .isEqualTo(me.path("user_id").asText()));
    }

    @Test
    void an_admin_service_principal_is_an_administrator() {
        String token = mint(Map.of("service_principal", "release-bot", "admin", true))
                .path("access_token")
                .asText();

        assertThat(development.get("/audit", token).statusCode()).isEqualTo(200);
    }

    @Test
    void a_service_principal_takes_no_user_fields() {
        for (Map<String, Object> body : List.of(
                Map.<String, Object>of("service_principal", "ci", "email", "ci@contoso.example"),
                Map.<String, Object>of("service_principal", "ci", "name", "CI"),
                Map.<String, Object>of("service_principal", "ci", "groups", List.of()),
                Map.<String, Object>of("service_principal", ""),
                Map.<String, Object>of("service_principal", 7))) {
            HttpResponse<String> refused = development.post("/dev/token", null, body);

            assertThat(refused.statusCode()).as(body.toString()).isEqualTo(400);
        }
        HttpResponse<String> withEmail =
                development.post("/dev/token", null, Map.of("service_principal", "ci", "email", "ci@contoso.example"));
        assertThat(json(withEmail).path("errors").findValuesAsText("field")).containsExactly("email");
    }

    @Test
    void the_token_command_prints_a_service_principal_token(@TempDir Path workingDirectory) throws Exception {
        DevelopmentTokenIssuer issuer = DevelopmentTokenIssuer.loadOrCreate(workingDirectory.resolve(".registry-dev"));

        CommandLineRun run = CommandLineRun.inChildProcess(
                workingDirectory, Map.of(), "token", "--service-principal", "contoso-ci", "--admin");

        assertThat(run.exitCode()).as(run.err()).isZero();
        TokenVerification verified = EntraAccessTokenVerifier.withKeys(issuer.verifierSettings(), issuer.keySource())
                .verify(run.out().strip());
        assertThat(verified).isInstanceOf(TokenVerification.Verified.class);
        VerifiedToken pipeline = ((TokenVerification.Verified) verified).identity();
        assertThat(pipeline.displayName()).isEqualTo("contoso-ci");
        assertThat(pipeline.email()).isEmpty();
        assertThat(pipeline.scopes()).isEmpty();
        assertThat(pipeline.roles()).containsExactlyInAnyOrder("Registry.Publish", "Registry.Admin");
        assertThat(pipeline.admin()).isTrue();
    }

    @Test
    void the_token_command_refuses_user_fields_for_a_service_principal(@TempDir Path workingDirectory)
            throws Exception {
        DevelopmentTokenIssuer.loadOrCreate(workingDirectory.resolve(".registry-dev"));

        CommandLineRun run = CommandLineRun.inChildProcess(
                workingDirectory, Map.of(), "token", "--service-principal", "contoso-ci", "--email", "ci@x.example");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isBlank();
        assertThat(run.err()).contains("--service-principal");
    }

    private static JsonNode mint(Map<String, Object> body) {
        HttpResponse<String> minted = development.post("/dev/token", null, body);
        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
        return json(minted);
    }
}
