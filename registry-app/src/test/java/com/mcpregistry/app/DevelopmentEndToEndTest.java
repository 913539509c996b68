package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The registry wired as {@code start-dev} wires it: {@code POST /dev/token} mints tokens that the same verifier
 * accepts; {@code serve}'s wiring has no such route.
 */
class DevelopmentEndToEndTest {
    @RegisterExtension
    static final RunningRegistry development = RunningRegistry.development();

    @RegisterExtension
    static final RunningRegistry production = RunningRegistry.standard();

    @Test
    void a_minted_user_token_signs_in_that_user() {
        JsonNode minted = mint(Map.of("name", "Xena Developer", "email", "xena@contoso.example"));

        assertThat(minted.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(minted.path("expires_in").asLong()).isPositive();
        HttpResponse<String> me =
                development.get("/users/me", minted.path("access_token").asText());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).path("email").asText()).isEqualTo("xena@contoso.example");
        assertThat(json(me).path("display_name").asText()).isEqualTo("Xena Developer");
        assertThat(development
                        .get("/audit", minted.path("access_token").asText())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void a_minted_admin_token_is_an_admin_and_the_same_email_is_the_same_user() {
        String first = mint(Map.of("email", "yuri@contoso.example", "admin", true))
                .path("access_token")
                .asText();
        String second = mint(Map.of("email", "yuri@contoso.example"))
                .path("access_token")
                .asText();

        assertThat(development.get("/audit", first).statusCode()).isEqualTo(200);
        assertThat(json(development.get("/users/me", second)).path("user_id"))
                .isEqualTo(json(development.get("/users/me", first)).path("user_id"));
    }

    @Test
    void an_empty_request_mints_the_default_user() {
        JsonNode minted = mint(Map.of());

        assertThat(json(development.get("/users/me", minted.path("access_token").asText()))
                        .path("email")
                        .asText())
                .isEqualTo("dev.user@registry-dev.invalid");
    }

    @Test
    void bad_token_requests_are_400() {
        for (Map<String, Object> body : List.of(
                Map.<String, Object>of("admin", "yes"),
                Map.<String, Object>of("name", 42),
                Map.<String, Object>of("email", ""),
                Map.<String, Object>of("oid", "x".repeat(129)),
                Map.<String, Object>of("roles", List.of("Registry.Admin")))) {
            HttpResponse<String> refused = development.post("/dev/token", null, body);

            assertThat(refused.statusCode()).as(body.toString()).isEqualTo(400);
        }
    }

    @Test
    void the_development_verifier_refuses_tokens_of_a_real_tenant() {
        assertThat(development
                        .get("/users/me", development.userToken("Zoe Entra"))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void serve_has_no_development_token_route() {
        HttpResponse<String> absent = production.post("/dev/token", null, Map.of("admin", true));

        assertThat(absent.statusCode()).isEqualTo(404);
    }

    private static JsonNode mint(Map<String, Object> body) {
        HttpResponse<String> minted = development.post("/dev/token", null, body);
        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
        return json(minted);
    }
}
