package com.mcpregistry.http.ownership;

import static com.mcpregistry.http.ownership.OwnershipApi.freshNamespace;
import static com.mcpregistry.http.ownership.OwnershipApi.ok;
import static com.mcpregistry.http.ownership.OwnershipApi.owner;
import static com.mcpregistry.http.ownership.OwnershipApi.ownerNames;
import static com.mcpregistry.http.ownership.OwnershipApi.owners;
import static com.mcpregistry.http.ownership.OwnershipApi.refused;
import static com.mcpregistry.http.ownership.OwnershipApi.rejectedFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.api.StartedApi;
import com.mcpregistry.http.api.StubTokens;
import com.mcpregistry.http.testing.ApiClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /servers/{server_name}/owners} through real HTTP: who owns a server, adding and removing owners (owners and
 * administrators), transferring a server (administrators), and every bad request a 400 naming its field.
 */
class ServerOwnerRoutesTest {
    private static final String ANN = StubTokens.user("ann");
    private static final String BOB = StubTokens.user("bob");
    private static final String CARL = StubTokens.user("carl");
    private static final String ADMIN = StubTokens.admin("grace");
    private static final String GROUP = "6f1c2b9e-3f3a-4c43-9b7e-2d1c6a1e5f00";

    @RegisterExtension
    static final StartedApi api = StartedApi.perTestClass(new ApiSettings(List.of()), new StubTokens());

    private OwnershipApi registry;
    private ApiClient http;
    private String server;
    private String annId;
    private String bobId;

    @BeforeEach
    void annSubmitsANewServer() {
        registry = new OwnershipApi(api);
        http = registry.http();
        server = freshNamespace() + "/ledger";
        registry.submitted(ANN, server, "1.0.0");
        annId = registry.userId(ANN);
        bobId = registry.userId(BOB);
    }

    @Test
    void the_first_submitter_owns_a_new_server_and_anyone_signed_in_reads_its_owners() {
        JsonNode answer = ok(http.get(owners(server), BOB), 200);

        assertThat(answer.path("server_name").asText()).isEqualTo(server);
        assertThat(answer.path("owners")).hasSize(1);
        JsonNode ann = answer.path("owners").get(0);
        assertThat(ann.path("owner").asText()).isEqualTo("user:" + annId);
        assertThat(ann.path("kind").asText()).isEqualTo("user");
        assertThat(ann.path("user_id").asText()).isEqualTo(annId);
        assertThat(ann.path("display_name").asText()).isEqualTo("ann");
        assertThat(ann.path("email").asText()).isEqualTo("ann@contoso.com");
        assertThat(ann.has("group_id")).isFalse();
    }

    @Test
    void an_owner_adds_users_by_email_object_id_or_user_id_and_groups_by_object_id() {
        registry.userId(CARL);

        ok(http.post(owners(server), ANN, Map.of("owner", "bob@contoso.com")), 200);
        ok(http.post(owners(server), ANN, Map.of("owner", "oid-carl")), 200);
        JsonNode answer = ok(http.post(owners(server), ANN, Map.of("owner", "group:" + GROUP.toUpperCase())), 200);

        assertThat(ownerNames(answer))
                .containsExactlyInAnyOrder(
                        "user:" + annId, "user:" + bobId, "user:" + registry.userId(CARL), "group:" + GROUP);
        JsonNode group = answer.path("owners").get(0);
        assertThat(group.path("kind").asText()).isEqualTo("group");
        assertThat(group.path("group_id").asText()).isEqualTo(GROUP);
        assertThat(group.has("user_id") || group.has("display_name") || group.has("email"))
                .isFalse();
        assertThat(ownerNames(ok(http.post(owners(server), ANN, Map.of("owner", "user:" + bobId)), 200)))
                .as("adding an owner twice changes nothing")
                .hasSize(4);
    }

    @Test
    void an_admin_adds_an_owner_to_a_server_they_do_not_own() {
        JsonNode answer = ok(http.post(owners(server), ADMIN, Map.of("owner", "bob@contoso.com")), 200);

        assertThat(ownerNames(answer)).containsExactlyInAnyOrder("user:" + annId, "user:" + bobId);
    }

    @Test
    void someone_who_is_not_an_owner_may_not_change_the_owners_and_is_told_whom_to_ask() {
        String add = refused(http.post(owners(server), BOB, Map.of("owner", "bob@contoso.com")), 403);
        String remove = refused(http.delete(owner(server, "user:" + annId), BOB), 403);

        for (String detail : List.of(add, remove)) {
            assertThat(detail).contains("only the owners of " + server).contains("ann <ann@contoso.com>");
        }
        assertThat(ownerNames(ok(http.get(owners(server), BOB), 200))).containsExactly("user:" + annId);
    }

    @Test
    void removing_an_owner_leaves_the_others_and_the_last_owner_stays() {
        ok(http.post(owners(server), ANN, Map.of("owner", "bob@contoso.com")), 200);

        JsonNode remaining = ok(http.delete(owner(server, "bob@contoso.com"), ANN), 200);

        assertThat(ownerNames(remaining)).containsExactly("user:" + annId);
        assertThat(refused(http.delete(owner(server, "user:" + annId), ANN), 409))
                .contains("only owner");
        assertThat(refused(http.delete(owner(server, "user:" + bobId), ANN), 404))
                .contains("is not an owner of " + server);
        assertThat(ownerNames(ok(http.get(owners(server), ANN), 200))).containsExactly("user:" + annId);
    }

    @Test
    void an_owner_may_remove_themselves_while_another_owner_remains() {
        ok(http.post(owners(server), ANN, Map.of("owner", "group:" + GROUP)), 200);

        JsonNode remaining = ok(http.delete(owner(server, "user:" + annId), ANN), 200);

        assertThat(ownerNames(remaining)).containsExactly("group:" + GROUP);
        assertThat(refused(registry.submit(ANN, server, "2.0.0"), 403))
                .contains("members of the Entra ID group " + GROUP);
    }

    @Test
    void an_admin_transfers_a_server_and_the_new_owner_publishes_while_the_old_cannot() {
        JsonNode transferred =
                ok(http.send(json(owners(server), ADMIN, "PUT", Map.of("owners", List.of("bob@contoso.com")))), 200);

        assertThat(transferred.path("server_name").asText()).isEqualTo(server);
        assertThat(ownerNames(transferred)).containsExactly("user:" + bobId);
        assertThat(refused(registry.submit(ANN, server, "2.0.0"), 403)).contains("bob <bob@contoso.com>");
        registry.submitted(BOB, server, "2.0.0");
    }

    @Test
    void only_administrators_transfer_a_server_its_owners_included() {
        String detail =
                refused(http.send(json(owners(server), ANN, "PUT", Map.of("owners", List.of("user:" + bobId)))), 403);

        assertThat(detail).contains("administrators");
        assertThat(ownerNames(ok(http.get(owners(server), ANN), 200))).containsExactly("user:" + annId);
    }

    @Test
    void a_change_of_owners_is_audited_with_the_request_id() {
        ok(
                http.post(
                        owners(server), ANN, Map.of("owner", "bob@contoso.com"), "X-Request-Id", "req-owners-" + annId),
                200);

        JsonNode trail = ok(http.get("/audit?action=owner_added&actor=" + annId + "&limit=100", ADMIN), 200);

        List<JsonNode> events = new java.util.ArrayList<>();
        trail.path("items").forEach(event -> {
            if (event.path("reason").asText().equals("server " + server)) {
                events.add(event);
            }
        });
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.path("request_id").asText()).isEqualTo("req-owners-" + annId);
        assertThat(event.path("changes").get(0).path("field").asText()).isEqualTo("owners");
        assertThat(event.path("changes").get(0).path("old").asText()).isEqualTo("user:" + annId);
        assertThat(event.path("changes").get(0).path("new").asText()).contains("user:" + bobId);
    }

    @Test
    void a_server_nobody_submitted_is_404_and_a_malformed_name_a_400_naming_server_name() {
        assertThat(refused(http.get(owners(freshNamespace() + "/nothing"), BOB), 404))
                .contains("no server is named");
        assertThat(rejectedFields(http.get("/servers/not-a-server-name/owners", BOB)))
                .containsExactly("server_name");
        assertThat(rejectedFields(http.post("/servers/bad%20name%2Fx/owners", ANN, Map.of("owner", "user:" + bobId))))
                .containsExactly("server_name");
        assertThat(rejectedFields(http.delete("/servers/x/owners/user:" + bobId, ANN)))
                .containsExactly("server_name");
    }

    @Test
    void an_owner_that_names_nobody_known_is_404_and_a_malformed_one_400_naming_it() {
        assertThat(refused(http.post(owners(server), ANN, Map.of("owner", "nobody@contoso.com")), 404))
                .contains("must sign in once");
        assertThat(refused(http.post(owners(server), ANN, Map.of("owner", "user:" + java.util.UUID.randomUUID())), 404))
                .contains("no user has the id");
        assertThat(rejectedFields(http.delete(owner(server, "user:not-a-uuid"), ANN)))
                .containsExactly("owner");
        assertThat(rejectedFields(http.delete(owner(server, "group:not-a-guid"), ANN)))
                .containsExactly("owner");
    }

    @Test
    void bad_bodies_are_400_naming_every_field() {
        assertThat(rejectedFields(http.post(owners(server), ANN, Map.of()))).containsExactly("owner");
        assertThat(rejectedFields(http.post(owners(server), ANN, "{\"owner\": 5}")))
                .containsExactly("owner");
        assertThat(rejectedFields(http.post(owners(server), ANN, Map.of("owner", "group:nope", "role", "x"))))
                .containsExactlyInAnyOrder("owner", "role");
        assertThat(rejectedFields(http.post(owners(server), ANN, Map.of("owner", "   "))))
                .containsExactly("owner");
        assertThat(rejectedFields(http.post(owners(server), ANN, "[\"user\"]"))).containsExactly("body");
        assertThat(rejectedFields(http.post(owners(server), ANN, "{\"owner\": ")))
                .containsExactly("body");

        assertThat(rejectedFields(http.send(json(owners(server), ADMIN, "PUT", Map.of()))))
                .containsExactly("owners");
        assertThat(rejectedFields(http.send(json(owners(server), ADMIN, "PUT", Map.of("owners", "user:" + bobId)))))
                .containsExactly("owners");
        assertThat(rejectedFields(http.send(json(owners(server), ADMIN, "PUT", Map.of("owners", List.of())))))
                .containsExactly("owners");
        assertThat(rejectedFields(
                        http.send(json(owners(server), ADMIN, "PUT", "{\"owners\": [\"user:" + bobId + "\", 7]}"))))
                .containsExactly("owners[1]");
        assertThat(rejectedFields(http.send(
                        json(owners(server), ADMIN, "PUT", Map.of("owners", List.of("group:x", "user:y", "ok"))))))
                .containsExactly("owners[0]", "owners[1]");
        assertThat(rejectedFields(http.send(json(
                        owners(server),
                        ADMIN,
                        "PUT",
                        Map.of("owners", java.util.Collections.nCopies(OwnerForm.MAX_OWNERS + 1, "user:" + bobId))))))
                .containsExactly("owners");
        assertThat(ownerNames(ok(http.get(owners(server), ANN), 200))).containsExactly("user:" + annId);
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        HttpResponse<String> answer = http.send(http.request(owners(server), ANN, "Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("owner=bob")));

        assertThat(answer.statusCode()).isEqualTo(415);
    }

    @Test
    void head_answers_like_get_and_other_methods_are_405_listing_the_paths_methods() {
        HttpResponse<String> head = api.send(http.request(owners(server), BOB)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
        HttpResponse<String> patch = api.send(ApiClient.withJson(http.request(owners(server), ANN), "PATCH", "{}")
                .build());
        HttpResponse<String> getOne =
                api.send(http.request(owner(server, "user:" + annId), ANN).GET().build());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(patch.statusCode()).isEqualTo(405);
        assertThat(patch.headers().firstValue("Allow")).hasValue("GET, HEAD, POST, PUT");
        assertThat(getOne.statusCode()).isEqualTo(405);
        assertThat(getOne.headers().firstValue("Allow")).hasValue("DELETE");
    }

    @Test
    void without_a_token_every_owners_route_is_401() {
        for (HttpResponse<String> answer : List.of(
                http.get(owners(server), null),
                http.post(owners(server), null, Map.of("owner", "user:" + bobId)),
                http.delete(owner(server, "user:" + annId), null))) {
            assertThat(answer.statusCode()).isEqualTo(401);
        }
    }

    private HttpRequest.Builder json(String path, String token, String method, Object body) {
        return ApiClient.withJson(http.request(path, token), method, body);
    }
}
