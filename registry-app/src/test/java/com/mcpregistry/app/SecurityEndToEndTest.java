package com.mcpregistry.app;

import static com.mcpregistry.app.ListingEndToEndTest.ids;
import static com.mcpregistry.app.RunningRegistry.json;
import static com.mcpregistry.app.Submissions.approve;
import static com.mcpregistry.app.Submissions.idOf;
import static com.mcpregistry.app.Submissions.pathOf;
import static com.mcpregistry.app.Submissions.status;
import static com.mcpregistry.app.Submissions.submitNew;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.entra.testing.TestTokens;
import com.mcpregistry.http.docs.OpenApiSchemas;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may do what, end to end: missing and bad credentials, other users' pending registrations, admin-only
 * routes, and an identity provider that cannot be reached.
 */
class SecurityEndToEndTest {
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard();

    private static final String OWNER = "Quinn Owner";
    private static final String INTRUDER = "Rita Intruder";

    // ---- Credentials ----

    @Test
    void no_credentials_is_401_with_a_bare_bearer_challenge() {
        HttpResponse<String> refused = registry.get("/registrations", null);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not-a-jwt",
                "a.b.c",
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
                "eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
                "Bearer"
            })
    void a_malformed_token_is_401_invalid_token(String token) {
        HttpResponse<String> refused = registry.get("/users/me", token);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().allValues("WWW-Authenticate")).containsExactly("Bearer error=\"invalid_token\"");
    }

    @Test
    void another_scheme_is_401_invalid_token() {
        HttpResponse<String> refused =
                registry.send(registry.request("/users/me", null, "Authorization", "Basic dXNlcjpwYXNz")
                        .GET());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void a_token_for_another_audience_is_401() {
        String token = registry.tokens()
                .sign(registry.claimsOf("Sam Elsewhere")
                        .audience(UUID.randomUUID().toString())
                        .build());

        assertInvalid(registry.get("/users/me", token));
    }

    @Test
    void a_token_of_another_tenant_or_issuer_is_401() {
        String otherTenant = registry.tokens()
                .sign(registry.claimsOf("Sam Elsewhere")
                        .claim("tid", UUID.randomUUID().toString())
                        .build());
        String otherIssuer = registry.tokens()
                .sign(registry.claimsOf("Sam Elsewhere")
                        .issuer("https://sts.windows.net/" + registry.tokens().tenantId() + "/")
                        .build());

        assertInvalid(registry.get("/users/me", otherTenant));
        assertInvalid(registry.get("/users/me", otherIssuer));
    }

    @Test
    void an_expired_token_is_401() {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = registry.tokens()
                .sign(registry.claimsOf("Tom Late")
                        .issueTime(Date.from(past.minusSeconds(3600)))
                        .notBeforeTime(Date.from(past.minusSeconds(3600)))
                        .expirationTime(Date.from(past))
                        .build());

        assertInvalid(registry.get("/users/me", expired));
    }

    @Test
    void a_token_signed_by_a_key_the_tenant_does_not_publish_is_401() {
        String forged = TestTokens.sign(
                TestTokens.newKey(TestTokens.DEFAULT_KID),
                registry.tokens().header().build(),
                registry.claimsOf("Mallory").build());

        assertInvalid(registry.get("/users/me", forged));
    }

    @Test
    void a_token_without_an_object_id_is_401() {
        String anonymous = registry.tokens()
                .sign(registry.claimsOf("Nobody").claim("oid", null).build());

        assertInvalid(registry.get("/users/me", anonymous));
    }

    @Test
    void an_app_only_token_with_the_publish_role_is_a_user_too() {
        String app = registry.tokens()
                .sign(registry.tokens().appClaims("Registry.Publish").build());

        HttpResponse<String> me = registry.get("/users/me", app);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(registry.get("/audit", app).statusCode()).isEqualTo(403);
    }

    @Test
    void an_app_only_token_with_the_admin_role_is_an_admin() {
        String app = registry.tokens()
                .sign(registry.tokens().appClaims("Registry.Admin").build());

        assertThat(registry.get("/audit", app).statusCode()).isEqualTo(200);
    }

    @Test
    void every_route_that_needs_a_user_answers_401_without_a_token() {
        String anyId = UUID.randomUUID().toString();
        for (OpenApiSchemas.Operation operation : RunningRegistry.SCHEMAS.operations()) {
            if (operation.node().path("security").isEmpty()) {
                continue;
            }
            String path = operation.path().replaceAll("\\{[^}]+}", anyId);
            HttpRequest.Builder request = registry.request(path, null);
            if (operation.node().has("requestBody")) {
                RunningRegistry.withJson(request, operation.method(), "{}");
            } else {
                request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
            }

            HttpResponse<String> refused = registry.send(request);

            assertThat(refused.statusCode()).as(operation.method() + " " + path).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
    }

    @Test
    void public_routes_ignore_a_bad_token() {
        assertThat(registry.get("/health", "garbage").statusCode()).isEqualTo(200);
        assertThat(registry.get("/openapi.json", "garbage").statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_without_the_required_scope_is_403_insufficient_scope() {
        try (RunningRegistry scoped = RunningRegistry.withIdentity(
                        settings -> settings.requiredScope("Registry.ReadWrite"))
                .start()) {
            String without = scoped.userToken("Vic Unscoped");
            String with = scoped.tokens()
                    .sign(scoped.claimsOf("Vic Scoped")
                            .claim("scp", "openid Registry.ReadWrite")
                            .build());

            HttpResponse<String> refused =
                    scoped.post("/registrations", without, Submissions.of(Submissions.uniqueName("scoped")));

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("WWW-Authenticate"))
                    .hasValue("Bearer error=\"insufficient_scope\", scope=\"Registry.ReadWrite\"");
            assertThat(scoped.get("/users/me", with).statusCode()).isEqualTo(200);
        }
    }

    // ---- Other people's registrations ----

    @Test
    void a_user_cannot_read_edit_delete_review_or_list_another_users_pending_registration() {
        JsonNode pending = submitNew(registry, registry.userToken(OWNER), "secret-pending");
        String intruder = registry.userToken(INTRUDER);

        assertThat(registry.get(pathOf(pending), intruder).statusCode()).isEqualTo(404);
        assertThat(registry.get(pathOf(pending) + "/history", intruder).statusCode())
                .isEqualTo(404);
        assertThat(registry.patch(pathOf(pending), intruder, Map.of("title", "Mine now"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(registry.delete(pathOf(pending), intruder).statusCode()).isEqualTo(404);
        assertThat(registry.patch(pathOf(pending) + "/status", intruder, status("Deprecated", "x"))
                        .statusCode())
                .isIn(403, 404);
        assertThat(ids(registry.get("/registrations?limit=100", intruder))).doesNotContain(idOf(pending));
        assertThat(ids(registry.get(
                        "/registrations?search=" + pending.path("server_name").asText(), intruder)))
                .isEmpty();
        assertThat(ids(registry.get("/registrations/my", intruder))).doesNotContain(idOf(pending));

        JsonNode untouched = json(registry.get(pathOf(pending), registry.userToken(OWNER)));
        assertThat(untouched).isEqualTo(pending);
    }

    @Test
    void a_user_cannot_read_the_history_of_another_users_published_registration() {
        JsonNode approved = approve(registry, submitNew(registry, registry.userToken(OWNER), "public-history"));

        assertThat(registry.get(pathOf(approved), registry.userToken(INTRUDER)).statusCode())
                .isEqualTo(200);
        assertThat(registry.get(pathOf(approved) + "/history", registry.userToken(INTRUDER))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_non_admin_may_not_review_or_delete_another_users_published_registration() {
        JsonNode approved = approve(registry, submitNew(registry, registry.userToken(OWNER), "guarded"));
        String intruder = registry.userToken(INTRUDER);

        assertThat(registry.patch(pathOf(approved) + "/status", intruder, status("Deprecated", "Hostile takeover"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(registry.delete(pathOf(approved), intruder).statusCode()).isEqualTo(403);
        assertThat(json(registry.get(pathOf(approved), intruder)).path("status").asText())
                .isEqualTo("Approved");
    }

    @Test
    void a_non_admin_may_not_approve_or_reject_a_pending_registration() {
        JsonNode pending = submitNew(registry, registry.userToken(OWNER), "unreviewed");

        for (Map<String, Object> body : List.of(status("Approved", null), status("Rejected", "Because"))) {
            assertThat(registry.patch(pathOf(pending) + "/status", registry.userToken(OWNER), body)
                            .statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void every_change_to_an_unknown_registration_is_404() {
        String path = "/registrations/" + UUID.randomUUID();

        assertThat(registry.patch(path, registry.userToken(OWNER), Map.of("title", "T"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(registry.patch(path + "/status", registry.adminToken(), status("Approved", null))
                        .statusCode())
                .isEqualTo(404);
        assertThat(registry.delete(path, registry.adminToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void the_admin_route_is_403_for_a_user() {
        HttpResponse<String> refused = registry.get("/audit", registry.userToken(INTRUDER));

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    // ---- Identity provider down ----

    @Test
    void a_cold_verifier_with_the_jwks_unreachable_answers_503_with_retry_after_and_recovers() throws Exception {
        try (RunningRegistry down = RunningRegistry.withJwksDown().start()) {
            String token = down.userToken("Uma Unlucky");

            HttpResponse<String> unavailable = down.get("/users/me", token);

            assertThat(unavailable.statusCode()).isEqualTo(503);
            assertThat(unavailable.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(
                            seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
            assertThat(down.get("/health/live", null).statusCode()).isEqualTo(200);

            down.jwks().recover();
            assertThat(eventuallyStatus(down, token)).isEqualTo(200);
        }
    }

    private static int eventuallyStatus(RunningRegistry registry, String token) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(70).toNanos();
        int status;
        do {
            status = registry.get("/users/me", token).statusCode();
            if (status != 503) {
                return status;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return status;
    }

    private static void assertInvalid(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }
}
