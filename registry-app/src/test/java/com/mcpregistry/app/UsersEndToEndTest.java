package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.emailOf;
import static com.mcpregistry.app.RunningRegistry.json;
import static com.mcpregistry.app.RunningRegistry.objectIdOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.user.User;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /users}: signing in from the token, reading oneself and others, and the break-glass admin flag. */
class UsersEndToEndTest {
    /** Running instances remember a signed-in user this long: a flag set meanwhile shows once it has passed. */
    private static final Duration SIGN_IN_MEMORY = Duration.ofSeconds(1);

    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard().rememberingSignInsFor(SIGN_IN_MEMORY);

    @Test
    void posting_users_signs_the_caller_in_from_the_token() {
        HttpResponse<String> signedIn = registry.post("/users", registry.userToken("Dana Newhire"), "");

        assertThat(signedIn.statusCode()).isEqualTo(200);
        JsonNode user = json(signedIn);
        assertThat(user.path("user_id").asText()).isNotBlank();
        assertThat(user.path("object_id").asText()).isEqualTo(objectIdOf("Dana Newhire"));
        assertThat(user.path("tenant_id").asText()).isEqualTo(registry.tokens().tenantId());
        assertThat(user.path("email").asText()).isEqualTo(emailOf("Dana Newhire"));
        assertThat(user.path("display_name").asText()).isEqualTo("Dana Newhire");
        assertThat(user.path("is_admin").asBoolean()).isFalse();
    }

    @Test
    void posting_users_without_a_body_works_as_well() {
        HttpResponse<String> signedIn = registry.send(registry.request("/users", registry.userToken("Eve Bodyless"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(signedIn.statusCode()).isEqualTo(200);
    }

    @Test
    void a_new_name_in_the_token_updates_the_same_user() {
        String before = registry.userId("Frank Renamed");
        String renamed = registry.tokens()
                .sign(registry.claimsOf("Frank Renamed")
                        .claim("name", "Frank R. Renamed")
                        .build());

        JsonNode user = json(registry.post("/users", renamed, ""));

        assertThat(user.path("user_id").asText()).isEqualTo(before);
        assertThat(user.path("display_name").asText()).isEqualTo("Frank R. Renamed");
    }

    @Test
    void the_same_object_id_in_the_token_is_the_same_user_whatever_the_email() {
        String before = registry.userId("Gina Moved");
        String moved = registry.tokens()
                .sign(registry.claimsOf("Gina Moved")
                        .claim("preferred_username", "gina@fabrikam.example")
                        .build());

        JsonNode user = json(registry.get("/users/me", moved));

        assertThat(user.path("user_id").asText()).isEqualTo(before);
        assertThat(user.path("email").asText()).isEqualTo("gina@fabrikam.example");
    }

    @Test
    void me_is_the_caller() {
        HttpResponse<String> me = registry.get("/users/me", registry.userToken("Hank Self"));

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).path("display_name").asText()).isEqualTo("Hank Self");
    }

    @Test
    void a_user_reads_themselves_by_id() {
        String id = registry.userId("Ivy Reader");

        HttpResponse<String> self = registry.get("/users/" + id, registry.userToken("Ivy Reader"));

        assertThat(self.statusCode()).isEqualTo(200);
        assertThat(json(self).path("user_id").asText()).isEqualTo(id);
    }

    @Test
    void an_admin_reads_anyone_and_others_get_404() {
        String id = registry.userId("Jack Private");

        assertThat(registry.get("/users/" + id, registry.adminToken()).statusCode())
                .isEqualTo(200);
        assertThat(registry.get("/users/" + id, registry.userToken("Kim Curious"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void an_unknown_user_is_404_and_a_malformed_id_is_400() {
        assertThat(registry.get("/users/" + UUID.randomUUID(), registry.adminToken())
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> malformed = registry.get("/users/not-a-uuid", registry.adminToken());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).path("errors").findValuesAsText("field")).contains("user_id");
    }

    @Test
    void admin_grant_by_email_never_picks_a_user_who_only_claims_that_email() {
        String spoofed = "boss-" + UUID.randomUUID() + "@contoso.example";
        String mallory = registry.tokens()
                .sign(registry.claimsOf("Mallory Spoof")
                        .claim("preferred_username", spoofed)
                        .claim("email", spoofed)
                        .claim("xms_edov", null)
                        .build());
        assertThat(registry.get("/users/me", mallory).statusCode()).isEqualTo(200);

        assertThatThrownBy(() -> registry.grantAdminFlag(spoofed))
                .isInstanceOf(NotFound.class)
                .hasMessageContaining("object id");

        String boss = registry.tokens()
                .sign(registry.claimsOf("Real Boss")
                        .claim("preferred_username", spoofed)
                        .claim("email", spoofed)
                        .build());
        assertThat(registry.get("/users/me", boss).statusCode()).isEqualTo(200);
        User granted = registry.grantAdminFlag(spoofed);

        assertThat(granted.identity().objectId()).isEqualTo(objectIdOf("Real Boss"));
        assertThat(statusWithinSignInMemory("/audit", boss, 200)).isEqualTo(200);
        assertThat(registry.get("/audit", mallory).statusCode()).isEqualTo(403);
    }

    @Test
    void the_break_glass_flag_makes_a_user_admin_until_it_is_revoked() {
        String name = "Lena Breakglass";
        String token = registry.userToken(name);
        String id = registry.userId(name);
        assertThat(registry.get("/audit", token).statusCode()).isEqualTo(403);

        registry.grantAdminFlag(emailOf(name));

        assertThat(statusWithinSignInMemory("/audit", token, 200)).isEqualTo(200);
        assertThat(json(registry.get("/users/me", token)).path("is_admin").asBoolean())
                .isTrue();
        assertThat(registry.get("/audit", token).statusCode()).isEqualTo(200);
        assertThat(registry.get("/users/" + registry.userId("Mo Other"), token).statusCode())
                .isEqualTo(200);
        JsonNode granted = json(registry.get("/audit?action=admin_granted", token));
        assertThat(granted.path("items").findValuesAsText("reason"))
                .anySatisfy(reason -> assertThat(reason).contains(id));

        registry.revokeAdminFlag(objectIdOf(name));

        assertThat(statusWithinSignInMemory("/audit", token, 403)).isEqualTo(403);
        assertThat(json(registry.get("/users/me", token)).path("is_admin").asBoolean())
                .isFalse();
    }

    @Test
    void an_admin_by_app_role_is_not_flagged_in_the_user_record() {
        JsonNode admin = json(registry.get("/users/me", registry.adminToken()));

        assertThat(admin.path("is_admin").asBoolean())
                .as("is_admin is the stored break-glass flag")
                .isFalse();
        assertThat(registry.get("/audit", registry.adminToken()).statusCode()).isEqualTo(200);
    }

    /** The status of {@code GET path}, asked again until it is {@code expected} or the sign-in memory has passed. */
    private static int statusWithinSignInMemory(String path, String token, int expected) {
        Instant deadline = Instant.now().plus(SIGN_IN_MEMORY).plusSeconds(5);
        int status = registry.get(path, token).statusCode();
        while (status != expected && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            status = registry.get(path, token).statusCode();
        }
        return status;
    }
}
