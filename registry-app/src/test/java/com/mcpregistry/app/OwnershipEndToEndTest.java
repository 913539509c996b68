package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.emailOf;
import static com.mcpregistry.app.RunningRegistry.json;
import static com.mcpregistry.app.Submissions.approve;
import static com.mcpregistry.app.Submissions.submit;
import static com.mcpregistry.app.Submissions.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.postgres.TestDatabase;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server ownership and namespace claims through real HTTP, real signed tokens (with and without {@code groups}, and
 * with Entra ID's overage marker) and real PostgreSQL.
 */
class OwnershipEndToEndTest {
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard();

    static final AtomicInteger PREFIXES = new AtomicInteger();

    static String ownersPath(String serverName) {
        return "/servers/" + URLEncoder.encode(serverName, StandardCharsets.UTF_8) + "/owners";
    }

    static String groupId() {
        return UUID.randomUUID().toString();
    }

    /** A token of {@code name} whose groups claim lists {@code groups}. */
    static String memberToken(RunningRegistry in, String name, String... groups) {
        return in.tokens()
                .sign(in.claimsOf(name).claim("groups", List.of(groups)).build());
    }

    /** A token of {@code name} that carries Entra ID's groups overage marker instead of a groups claim. */
    static String overageToken(RunningRegistry in, String name) {
        return in.tokens()
                .sign(in.claimsOf(name)
                        .claim("_claim_names", Map.of("groups", "src1"))
                        .claim(
                                "_claim_sources",
                                Map.of(
                                        "src1",
                                        Map.of(
                                                "endpoint",
                                                "https://graph.windows.net/tenant/users/x/getMemberObjects")))
                        .build());
    }

    static HttpResponse<String> submitVersion(RunningRegistry in, String token, String name, String version) {
        return in.post(
                "/registrations",
                token,
                Submissions.of(
                        name,
                        version,
                        "https://" + version.replace('.', '-') + ".mcp.contoso.example/" + name.replace('/', '-')));
    }

    static HttpResponse<String> put(RunningRegistry in, String path, String token, Object body) {
        return in.send(RunningRegistry.withJson(in.request(path, token), "PUT", body));
    }

    static List<String> owners(JsonNode answer) {
        return answer.path("owners").findValuesAsText("owner");
    }

    @Test
    void bob_is_refused_a_version_of_anns_server_with_a_problem_naming_anns_contact() {
        String name = uniqueName("ledger-tools");
        submit(registry, registry.userToken("Ann Owner"), Submissions.of(name));

        HttpResponse<String> refused = submitVersion(registry, registry.userToken("Bob Outsider"), name, "2.0.0");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(refused).path("detail").asText())
                .contains("only the owners of " + name)
                .contains("Ann Owner <" + emailOf("Ann Owner") + ">");
        assertThat(submitVersion(registry, registry.userToken("Ann Owner"), name, "2.0.0")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> listed = registry.get(ownersPath(name), registry.userToken("Bob Outsider"));
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(json(listed).path("owners").get(0).path("email").asText()).isEqualTo(emailOf("Ann Owner"));
    }

    @Test
    void a_member_of_an_owning_group_publishes_and_an_overage_token_is_refused_saying_why() {
        String name = uniqueName("team-tools");
        String group = groupId();
        String ann = registry.userToken("Ann Teamlead");
        submit(registry, ann, Submissions.of(name));

        HttpResponse<String> added = registry.post(ownersPath(name), ann, Map.of("owner", "group:" + group));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(owners(json(added))).contains("group:" + group);

        HttpResponse<String> byMember =
                submitVersion(registry, memberToken(registry, "Gus Member", group.toUpperCase()), name, "2.0.0");
        assertThat(byMember.statusCode()).as(byMember.body()).isEqualTo(201);
        assertThat(json(byMember).path("can")).extracting(JsonNode::asText).contains("edit", "delete");

        HttpResponse<String> byOverage = submitVersion(registry, overageToken(registry, "Olly Overage"), name, "3.0.0");
        assertThat(byOverage.statusCode()).isEqualTo(403);
        assertThat(json(byOverage).path("detail").asText())
                .contains("groups overage")
                .contains(group);
        HttpResponse<String> byOutsider =
                submitVersion(registry, memberToken(registry, "Nina Othergroup", groupId()), name, "3.0.0");
        assertThat(byOutsider.statusCode()).isEqualTo(403);
    }

    @Test
    void an_admin_transfers_a_server_and_the_new_owner_publishes_while_the_old_one_cannot() {
        String name = uniqueName("transferred");
        String ann = registry.userToken("Ann Leaving");
        String bob = registry.userToken("Bob Arriving");
        registry.userId("Bob Arriving");
        submit(registry, ann, Submissions.of(name));

        HttpResponse<String> byOwner =
                put(registry, ownersPath(name), ann, Map.of("owners", List.of(emailOf("Bob Arriving"))));
        assertThat(byOwner.statusCode()).isEqualTo(403);
        HttpResponse<String> transferred = put(
                registry, ownersPath(name), registry.adminToken(), Map.of("owners", List.of(emailOf("Bob Arriving"))));
        assertThat(transferred.statusCode()).as(transferred.body()).isEqualTo(200);
        assertThat(json(transferred).path("owners"))
                .singleElement()
                .satisfies(owner -> assertThat(owner.path("email").asText()).isEqualTo(emailOf("Bob Arriving")));

        assertThat(submitVersion(registry, bob, name, "2.0.0").statusCode()).isEqualTo(201);
        assertThat(submitVersion(registry, ann, name, "3.0.0").statusCode()).isEqualTo(403);
        JsonNode audit = json(registry.get("/audit?action=server_transferred", registry.adminToken()));
        assertThat(audit.path("items").findValuesAsText("reason")).contains("server " + name);
    }

    @Test
    void a_server_never_loses_its_last_owner() {
        String name = uniqueName("lonely");
        String ann = registry.userToken("Ann Alone");
        submit(registry, ann, Submissions.of(name));
        String annOwner = owners(json(registry.get(ownersPath(name), ann))).get(0);

        HttpResponse<String> removed =
                registry.delete(ownersPath(name) + "/" + URLEncoder.encode(annOwner, StandardCharsets.UTF_8), ann);

        assertThat(removed.statusCode()).isEqualTo(409);
        assertThat(json(removed).path("detail").asText()).contains("only owner");
    }

    @Test
    void the_answers_say_what_the_caller_may_do() {
        String ann = registry.userToken("Ann Acting");
        JsonNode pending = submit(registry, ann, Submissions.of(uniqueName("actions")));
        String path = "/registrations/" + Submissions.idOf(pending);

        assertThat(json(registry.get(path, ann)).path("can"))
                .extracting(JsonNode::asText)
                .containsExactly("edit", "delete");
        assertThat(json(registry.get(path, registry.adminToken())).path("can"))
                .extracting(JsonNode::asText)
                .containsExactly("approve", "reject", "delete");
        approve(registry, pending);
        assertThat(json(registry.get(path, registry.userToken("Bob Reader"))).path("can"))
                .isEmpty();
        assertThat(json(registry.get(path, ann)).path("can"))
                .extracting(JsonNode::asText)
                .containsExactly("deprecate");
    }

    @Test
    void a_claimed_namespace_refuses_outsiders_under_the_open_policy() {
        String prefix = "com.contoso.claimed" + PREFIXES.incrementAndGet();
        String group = groupId();
        assertThat(registry.post(
                                "/namespaces",
                                registry.userToken("Ann Claimer"),
                                Map.of("prefix", prefix, "owners", List.of("group:" + group)))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> claimed = registry.post(
                "/namespaces", registry.adminToken(), Map.of("prefix", prefix, "owners", List.of("group:" + group)));
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(201);

        HttpResponse<String> outsider =
                submitVersion(registry, registry.userToken("Bob Outsider"), prefix + "/tools", "1.0.0");
        assertThat(outsider.statusCode()).isEqualTo(403);
        assertThat(json(outsider).path("detail").asText()).contains("the namespace " + prefix + " is claimed");
        assertThat(submitVersion(registry, memberToken(registry, "Gus Member", group), prefix + ".emea/tools", "1.0.0")
                        .statusCode())
                .isEqualTo(201);
        assertThat(json(registry.get("/namespaces", registry.userToken("Bob Outsider")))
                        .path("namespaces")
                        .findValuesAsText("prefix"))
                .contains(prefix);
    }

    @Test
    void operators_list_add_and_remove_owners_and_claim_namespaces_from_the_command_line(@TempDir Path workingDirectory)
            throws Exception {
        String name = uniqueName("operated");
        submit(registry, registry.userToken("Ann Operated"), Submissions.of(name));
        registry.userId("Bob Operated");
        Map<String, String> settings =
                Map.of("DATABASE_URL", registry.database().jdbcUrl(), "AUDIT_KEY", TestDatabase.AUDIT_KEY.written());

        CommandLineRun added = CommandLineRun.inChildProcess(
                workingDirectory, settings, "admin", "owners", "add", name, emailOf("Bob Operated"));
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out())
                .contains(name + " is owned by:")
                .contains("Bob Operated <" + emailOf("Bob Operated") + ">");

        CommandLineRun listed =
                CommandLineRun.inChildProcess(workingDirectory, settings, "admin", "owners", "list", name);
        assertThat(listed.out()).contains("Ann Operated").contains("Bob Operated");

        String ann = owners(json(registry.get(ownersPath(name), registry.userToken("Ann Operated")))).stream()
                .filter(owner -> !owner.equals("user:" + registry.userId("Bob Operated")))
                .findFirst()
                .orElseThrow();
        CommandLineRun removed =
                CommandLineRun.inChildProcess(workingDirectory, settings, "admin", "owners", "remove", name, ann);
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(submitVersion(registry, registry.userToken("Ann Operated"), name, "2.0.0")
                        .statusCode())
                .isEqualTo(403);

        String prefix = "com.contoso.operated" + PREFIXES.incrementAndGet();
        CommandLineRun claimedByOperator = CommandLineRun.inChildProcess(
                workingDirectory, settings, "admin", "namespace", "claim", prefix, "group:" + groupId());
        assertThat(claimedByOperator.exitCode()).as(claimedByOperator.err()).isZero();
        CommandLineRun released =
                CommandLineRun.inChildProcess(workingDirectory, settings, "admin", "namespace", "release", prefix);
        assertThat(released.out()).contains("released " + prefix);
        CommandLineRun missing =
                CommandLineRun.inChildProcess(workingDirectory, settings, "admin", "namespace", "release", prefix);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("is not claimed");
    }
}
