package com.mcpregistry.http.ownership;

import static com.mcpregistry.http.ownership.OwnershipApi.freshNamespace;
import static com.mcpregistry.http.ownership.OwnershipApi.ok;
import static com.mcpregistry.http.ownership.OwnershipApi.ownerNames;
import static com.mcpregistry.http.ownership.OwnershipApi.owners;
import static com.mcpregistry.http.ownership.OwnershipApi.refused;
import static com.mcpregistry.http.ownership.OwnershipApi.rejectedFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.api.StartedApi;
import com.mcpregistry.http.api.StubTokens;
import com.mcpregistry.http.testing.ApiClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /namespaces} through real HTTP: administrators claim and release prefixes, anyone signed in reads them,
 * only a claim's owners submit new servers under it, and a claim reports the servers it does not re-own.
 */
class NamespaceClaimRoutesTest {
    private static final String ANN = StubTokens.user("ann");
    private static final String BOB = StubTokens.user("bob");
    private static final String ADMIN = StubTokens.admin("grace");
    private static final String FINANCE = "0b7d5c3e-8f2a-4e61-9c4d-3a2b1c0d9e8f";

    @RegisterExtension
    static final StartedApi api = StartedApi.perTestClass(new ApiSettings(List.of()), new StubTokens());

    private OwnershipApi registry;
    private ApiClient http;
    private String namespace;

    @BeforeEach
    void start() {
        registry = new OwnershipApi(api);
        http = registry.http();
        namespace = freshNamespace();
        registry.userId(ANN);
        registry.userId(BOB);
    }

    private HttpResponse<String> claim(String token, String prefix, List<String> owners) {
        return http.post("/namespaces", token, Map.of("prefix", prefix, "owners", owners));
    }

    @Test
    void an_admin_claims_a_namespace_for_a_group_and_a_user_and_everyone_reads_the_claim() {
        Instant before = Instant.now().minus(Duration.ofSeconds(1));

        HttpResponse<String> created = claim(ADMIN, namespace, List.of("group:" + FINANCE, "ann@contoso.com"));

        JsonNode claim = ok(created, 201);
        assertThat(created.headers().firstValue("Location")).hasValue("/namespaces/" + namespace);
        assertThat(claim.path("prefix").asText()).isEqualTo(namespace);
        assertThat(ownerNames(claim)).containsExactly("group:" + FINANCE, "user:" + registry.userId(ANN));
        assertThat(claim.path("owners").get(1).path("email").asText()).isEqualTo("ann@contoso.com");
        assertThat(claim.path("claimed_by").asText()).isEqualTo(registry.userId(ADMIN));
        assertThat(Instant.parse(claim.path("claimed_at").asText())).isAfter(before);
        assertThat(claim.path("conflicts")).isEmpty();
        assertThat(claim.path("conflict_count").asLong()).isZero();

        JsonNode all = ok(http.get("/namespaces", BOB), 200);
        assertThat(all.path("policy").asText()).isEqualTo("open");
        JsonNode listed = null;
        for (JsonNode each : all.path("namespaces")) {
            if (each.path("prefix").asText().equals(namespace)) {
                listed = each;
            }
        }
        assertThat(listed).as("the claim among " + all).isNotNull();
        JsonNode one = ok(http.get("/namespaces/" + namespace, BOB), 200);
        for (JsonNode read : List.of(listed, one)) {
            assertThat(read.path("owners")).isEqualTo(claim.path("owners"));
            assertThat(read.path("claimed_by")).isEqualTo(claim.path("claimed_by"));
            assertThat(read.path("claimed_at")).isEqualTo(claim.path("claimed_at"));
            assertThat(read.has("conflicts")).isFalse();
        }
    }

    @Test
    void only_the_claims_owners_submit_new_servers_under_it_sub_namespaces_included() {
        ok(claim(ADMIN, namespace, List.of("group:" + FINANCE, "ann@contoso.com")), 201);

        String outsider = refused(registry.submit(BOB, namespace + ".emea/ledger", "1.0.0"), 403);
        registry.submitted(ANN, namespace + "/ledger", "1.0.0");
        registry.submitted(StubTokens.inGroups(BOB, FINANCE), namespace + ".emea/ledger", "1.0.0");

        assertThat(outsider)
                .contains("the namespace " + namespace + " is claimed")
                .contains("members of the Entra ID group " + FINANCE)
                .contains("ann <ann@contoso.com>");
        assertThat(ownerNames(ok(http.get(owners(namespace + "/ledger"), BOB), 200)))
                .as("the submitter and the claim's owners")
                .containsExactlyInAnyOrder("group:" + FINANCE, "user:" + registry.userId(ANN));
        assertThat(ownerNames(ok(http.get(owners(namespace + ".emea/ledger"), BOB), 200)))
                .containsExactlyInAnyOrder(
                        "group:" + FINANCE, "user:" + registry.userId(ANN), "user:" + registry.userId(BOB));
        registry.submitted(BOB, namespace + "bank/ledger", "1.0.0");
    }

    @Test
    void a_claim_reports_existing_servers_owned_outside_it_and_leaves_their_owners() {
        registry.submitted(BOB, namespace + "/payroll", "1.0.0");
        registry.submitted(ANN, namespace + ".emea/ledger", "1.0.0");

        JsonNode claim = ok(claim(ADMIN, namespace, List.of("ann@contoso.com")), 201);

        assertThat(claim.path("conflict_count").asLong()).isEqualTo(1);
        assertThat(claim.path("conflicts")).hasSize(1);
        JsonNode conflict = claim.path("conflicts").get(0);
        assertThat(conflict.path("server_name").asText()).isEqualTo(namespace + "/payroll");
        assertThat(ownerNames(conflict)).containsExactly("user:" + registry.userId(BOB));
        assertThat(ownerNames(ok(http.get(owners(namespace + "/payroll"), ANN), 200)))
                .containsExactly("user:" + registry.userId(BOB));
        registry.submitted(BOB, namespace + "/payroll", "1.1.0");
    }

    @Test
    void claiming_a_claimed_prefix_is_a_conflict() {
        ok(claim(ADMIN, namespace, List.of("ann@contoso.com")), 201);

        assertThat(refused(claim(ADMIN, namespace, List.of("bob@contoso.com")), 409))
                .contains("claimed already");
        ok(claim(ADMIN, namespace + ".emea", List.of("bob@contoso.com")), 201);
    }

    @Test
    void releasing_a_claim_answers_it_and_opens_the_namespace_again() {
        JsonNode claim = ok(claim(ADMIN, namespace, List.of("ann@contoso.com")), 201);

        JsonNode released = ok(http.delete("/namespaces/" + namespace, ADMIN), 200);

        assertThat(released.path("prefix").asText()).isEqualTo(namespace);
        assertThat(released.path("owners")).isEqualTo(claim.path("owners"));
        assertThat(released.path("claimed_at")).isEqualTo(claim.path("claimed_at"));
        assertThat(refused(http.delete("/namespaces/" + namespace, ADMIN), 404)).contains("is not claimed");
        assertThat(refused(http.get("/namespaces/" + namespace, BOB), 404)).contains("is not claimed");
        registry.submitted(BOB, namespace + "/ledger", "1.0.0");
    }

    @Test
    void only_administrators_claim_and_release() {
        ok(claim(ADMIN, namespace, List.of("ann@contoso.com")), 201);

        assertThat(refused(claim(ANN, namespace + ".emea", List.of("ann@contoso.com")), 403))
                .contains("administrators");
        assertThat(refused(http.delete("/namespaces/" + namespace, ANN), 403)).contains("administrators");
        ok(http.get("/namespaces/" + namespace, ANN), 200);
    }

    @Test
    void a_claim_for_someone_who_never_signed_in_is_404_and_claims_nothing() {
        assertThat(refused(claim(ADMIN, namespace, List.of("nobody@contoso.com")), 404))
                .contains("must sign in once");
        refused(http.get("/namespaces/" + namespace, ANN), 404);
    }

    @Test
    void bad_claims_are_400_naming_every_field() {
        assertThat(rejectedFields(http.post("/namespaces", ADMIN, Map.of()))).containsExactly("prefix", "owners");
        assertThat(rejectedFields(claim(ADMIN, "com..contoso", List.of("group:" + FINANCE))))
                .containsExactly("prefix");
        assertThat(rejectedFields(claim(ADMIN, "com.contoso/ledger", List.of("group:" + FINANCE))))
                .containsExactly("prefix");
        assertThat(rejectedFields(claim(ADMIN, namespace, List.of()))).containsExactly("owners");
        assertThat(rejectedFields(claim(ADMIN, namespace, List.of("group:finance"))))
                .containsExactly("owners[0]");
        assertThat(rejectedFields(http.post(
                        "/namespaces",
                        ADMIN,
                        Map.of(
                                "prefix",
                                namespace,
                                "owners",
                                List.of("group:" + FINANCE),
                                "claimed_by",
                                "x",
                                "note",
                                "y"))))
                .containsExactlyInAnyOrder("claimed_by", "note");
        assertThat(rejectedFields(http.post("/namespaces", ADMIN, "{\"prefix\": 1, \"owners\": {}}")))
                .containsExactly("prefix", "owners");
        assertThat(rejectedFields(http.get("/namespaces/com..contoso", ANN))).containsExactly("prefix");
        assertThat(rejectedFields(http.delete("/namespaces/-bad.", ADMIN))).containsExactly("prefix");
        refused(http.get("/namespaces/" + namespace, ANN), 404);
    }

    @Test
    void head_answers_like_get_and_other_methods_are_405() {
        HttpResponse<String> head = api.send(http.request("/namespaces", BOB)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
        HttpResponse<String> put = api.send(ApiClient.withJson(http.request("/namespaces", ADMIN), "PUT", "{}")
                .build());
        HttpResponse<String> post =
                api.send(ApiClient.withJson(http.request("/namespaces/" + namespace, ADMIN), "POST", "{}")
                        .build());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD, DELETE");
    }

    @Test
    void under_the_claimed_policy_a_name_no_claim_covers_is_refused_until_an_admin_claims_it() {
        try (StartedApi claimedOnly =
                StartedApi.start(new ApiSettings(List.of()), new StubTokens(), NamespacePolicy.CLAIMED)) {
            OwnershipApi strict = new OwnershipApi(claimedOnly);

            assertThat(ok(strict.http().get("/namespaces", BOB), 200)
                            .path("policy")
                            .asText())
                    .isEqualTo("claimed");
            assertThat(refused(strict.submit(BOB, namespace + "/ledger", "1.0.0"), 403))
                    .contains("NAMESPACE_POLICY");
            ok(
                    strict.http().post("/namespaces", ADMIN, Map.of("prefix", namespace, "owners", List.of("oid-bob"))),
                    201);
            strict.submitted(BOB, namespace + "/ledger", "1.0.0");
            assertThat(refused(strict.submit(ANN, namespace + ".emea/ledger", "1.0.0"), 403))
                    .contains("bob <bob@contoso.com>");
        }
    }
}
