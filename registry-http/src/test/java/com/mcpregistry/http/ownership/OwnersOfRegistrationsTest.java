package com.mcpregistry.http.ownership;

import static com.mcpregistry.http.ownership.OwnershipApi.can;
import static com.mcpregistry.http.ownership.OwnershipApi.freshNamespace;
import static com.mcpregistry.http.ownership.OwnershipApi.ok;
import static com.mcpregistry.http.ownership.OwnershipApi.owners;
import static com.mcpregistry.http.ownership.OwnershipApi.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.api.StartedApi;
import com.mcpregistry.http.api.StubTokens;
import com.mcpregistry.http.testing.ApiClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The registration routes with owners, through real HTTP: only a server's owners (users, members of owning groups by
 * the token's {@code groups} claim) and administrators publish and act on its registrations; anyone else is refused
 * with a 403 naming the owners; and every registration answer says in {@code can} what its caller may do now.
 */
class OwnersOfRegistrationsTest {
    private static final String ANN = StubTokens.user("ann");
    private static final String BOB = StubTokens.user("bob");
    private static final String ADMIN = StubTokens.admin("grace");
    private static final String LEDGER_TEAM = "2c9a5e1f-7b3d-4a8e-b6c2-9d0e1f2a3b4c";
    private static final String OTHER_TEAM = "9e8d7c6b-5a49-4382-a716-151413121110";

    @RegisterExtension
    static final StartedApi api = StartedApi.perTestClass(new ApiSettings(List.of()), new StubTokens());

    private OwnershipApi registry;
    private ApiClient http;
    private String server;
    private String first;

    @BeforeEach
    void annSubmitsANewServer() {
        registry = new OwnershipApi(api);
        http = registry.http();
        server = freshNamespace() + "/ledger-tools";
        first = "/registrations/"
                + registry.submitted(ANN, server, "1.0.0")
                        .path("registration_id")
                        .asText();
    }

    private JsonNode approve(String path) {
        return ok(http.review(path, ADMIN, Map.of("status", "Approved")), 200);
    }

    @Test
    void bob_may_not_submit_a_version_of_anns_server_and_is_told_to_ask_ann() {
        String detail = refused(registry.submit(BOB, server, "2.0.0"), 403);

        assertThat(detail)
                .contains("only the owners of " + server + " and administrators may submit its versions")
                .contains("the owners are ann <ann@contoso.com>");
        approve(first);
        refused(registry.submit(BOB, server, "2.0.0"), 403);
        assertThat(ok(http.get("/v0.1/servers/" + OwnershipApi.encoded(server) + "/versions", null), 200)
                        .path("servers"))
                .hasSize(1);
    }

    @Test
    void bob_may_not_edit_deprecate_or_delete_anns_registrations_and_is_told_to_ask_ann() {
        String editing = refused(http.patch(first, BOB, Map.of("title", "Bob's ledger")), 404);
        approve(first);

        String deprecating = refused(
                http.patch(first + "/status", BOB, Map.of("status", "Deprecated", "reason", "Replaced by mine")), 403);

        assertThat(editing)
                .as("a Pending registration of another is not even visible")
                .isNotBlank();
        assertThat(deprecating).contains("ann <ann@contoso.com>");
        assertThat(refused(http.delete(first, BOB), 403)).isNotBlank();
    }

    @Test
    void a_member_of_an_owning_group_publishes_and_edits_as_an_owner() {
        ok(http.post(owners(server), ANN, Map.of("owner", "group:" + LEDGER_TEAM)), 200);
        String member = StubTokens.inGroups(BOB, OTHER_TEAM, LEDGER_TEAM);

        JsonNode second = registry.submitted(member, server, "2.0.0");
        String path = "/registrations/" + second.path("registration_id").asText();

        assertThat(can(second)).containsExactly("edit", "delete");
        assertThat(can(ok(http.get(first, member), 200))).containsExactly("edit", "delete");
        assertThat(can(ok(http.patch(first, member, Map.of("title", "Ledger tools, edited by the team")), 200)))
                .containsExactly("edit", "delete");
        assertThat(refused(registry.submit(StubTokens.inGroups(BOB, OTHER_TEAM), server, "3.0.0"), 403))
                .contains("members of the Entra ID group " + LEDGER_TEAM);
        assertThat(can(ok(http.get(path, BOB), 200)))
                .as("its submitter, without the group in the token, sees it but may do nothing with it")
                .isEmpty();
    }

    @Test
    void a_token_with_a_groups_overage_is_refused_and_told_why() {
        ok(http.post(owners(server), ANN, Map.of("owner", "group:" + LEDGER_TEAM)), 200);

        String detail = refused(registry.submit(StubTokens.withGroupsOverage(BOB), server, "2.0.0"), 403);

        assertThat(detail)
                .contains("overage")
                .contains("members of the Entra ID group " + LEDGER_TEAM)
                .contains("ann <ann@contoso.com>");
    }

    @Test
    void can_says_what_the_owner_an_admin_and_another_reader_may_do_with_one_registration() {
        assertThat(can(ok(http.get(first, ANN), 200))).containsExactly("edit", "delete");
        assertThat(can(ok(http.get(first, ADMIN), 200))).containsExactly("approve", "reject", "delete");

        JsonNode approved = approve(first);

        assertThat(can(approved)).as("the reviewer's answer").containsExactly("deprecate", "delete");
        assertThat(can(ok(http.get(first, ANN), 200))).containsExactly("deprecate");
        assertThat(can(ok(http.get(first, BOB), 200))).isEmpty();
        JsonNode deprecated = ok(
                http.patch(first + "/status", ANN, Map.of("status", "Deprecated", "reason", "Version 2 replaces it")),
                200);
        assertThat(can(deprecated)).as("the owner's answer").isEmpty();
        assertThat(can(ok(http.get(first, ADMIN), 200))).containsExactly("reactivate", "delete");
    }

    @Test
    void can_is_given_for_every_registration_of_a_page_as_its_reader_may_act_on_it() {
        approve(first);
        registry.submitted(ANN, server, "2.0.0");
        String query = "?search=" + OwnershipApi.encoded(server);

        Map<String, List<String>> ann = canByVersion(ok(http.get("/registrations" + query, ANN), 200));
        Map<String, List<String>> mine = canByVersion(ok(http.get("/registrations/my" + query, ANN), 200));
        Map<String, List<String>> admin = canByVersion(ok(http.get("/registrations" + query, ADMIN), 200));
        Map<String, List<String>> bob = canByVersion(ok(http.get("/registrations" + query, BOB), 200));

        assertThat(ann).isEqualTo(Map.of("1.0.0", List.of("deprecate"), "2.0.0", List.of("edit", "delete")));
        assertThat(mine).isEqualTo(ann);
        assertThat(admin)
                .isEqualTo(Map.of(
                        "1.0.0", List.of("deprecate", "delete"), "2.0.0", List.of("approve", "reject", "delete")));
        assertThat(bob).as("Bob sees the approved version only").isEqualTo(Map.of("1.0.0", List.of()));
    }

    @Test
    void a_new_owner_sees_the_servers_registrations_as_theirs() {
        ok(http.post(owners(server), ANN, Map.of("owner", "bob@contoso.com")), 200);

        Map<String, List<String>> bobs =
                canByVersion(ok(http.get("/registrations/my?search=" + OwnershipApi.encoded(server), BOB), 200));

        assertThat(bobs).isEqualTo(Map.of("1.0.0", List.of("edit", "delete")));
        ok(http.delete(first, BOB), 204);
    }

    private static Map<String, List<String>> canByVersion(JsonNode page) {
        Map<String, List<String>> byVersion = new LinkedHashMap<>();
        page.path("items").forEach(item -> byVersion.put(item.path("version").asText(), can(item)));
        return byVersion;
    }
}
