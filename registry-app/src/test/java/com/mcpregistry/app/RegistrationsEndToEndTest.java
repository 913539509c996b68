package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static com.mcpregistry.app.Submissions.approve;
import static com.mcpregistry.app.Submissions.idOf;
import static com.mcpregistry.app.Submissions.pathOf;
import static com.mcpregistry.app.Submissions.review;
import static com.mcpregistry.app.Submissions.status;
import static com.mcpregistry.app.Submissions.submit;
import static com.mcpregistry.app.Submissions.submitNew;
import static com.mcpregistry.app.Submissions.uniqueName;
import static com.mcpregistry.app.Submissions.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /registrations}: submit, read, edit, review, delete and history, through HTTP, PostgreSQL and real tokens. */
class RegistrationsEndToEndTest {
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard();

    private static final String ALICE = "Alice Submitter";
    private static final String BOB = "Bob Bystander";

    private static String alice() {
        return registry.userToken(ALICE);
    }

    private static String bob() {
        return registry.userToken(BOB);
    }

    private static String admin() {
        return registry.adminToken();
    }

    // ---- Submit ----

    @Test
    void submitting_answers_201_with_location_etag_and_the_pending_registration() {
        String name = uniqueName("ledger");
        HttpResponse<String> created = registry.post("/registrations", alice(), Submissions.of(name));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json(created);
        String id = body.path("registration_id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/registrations/" + id);
        assertThat(created.headers().firstValue("ETag"))
                .hasValue("\"" + body.path("row_version").asLong() + "\"");
        assertThat(body.path("server_name").asText()).isEqualTo(name);
        assertThat(body.path("version").asText()).isEqualTo("1.0.0");
        assertThat(body.path("status").asText()).isEqualTo("Pending");
        assertThat(body.path("submitter_id").asText()).isEqualTo(registry.userId(ALICE));
        assertThat(body.path("tags")).hasSize(2);

        HttpResponse<String> read = registry.get("/registrations/" + id, alice());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read)).isEqualTo(body);
        assertThat(read.headers().firstValue("ETag"))
                .isEqualTo(created.headers().firstValue("ETag"));
    }

    @Test
    void the_version_defaults_to_1_0_0() {
        Map<String, Object> body = Submissions.of(uniqueName("unversioned"));
        body.remove("version");

        assertThat(submit(registry, alice(), body).path("version").asText()).isEqualTo("1.0.0");
    }

    @Test
    void the_same_name_and_version_again_is_409() {
        Map<String, Object> body = Submissions.of(uniqueName("twice"));
        submit(registry, alice(), body);

        HttpResponse<String> again = registry.post(
                "/registrations", alice(), with(body, "endpoint_url", "https://other.contoso.example/mcp"));
        HttpResponse<String> byOther =
                registry.post("/registrations", bob(), with(body, "endpoint_url", "https://bob.contoso.example/mcp"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(byOther.statusCode())
                .as("only the server's owners submit its versions")
                .isEqualTo(403);
    }

    @Test
    void an_endpoint_that_belongs_to_another_server_is_409() {
        String first = uniqueName("owner");
        submit(registry, alice(), Submissions.of(first));

        HttpResponse<String> taken = registry.post(
                "/registrations",
                bob(),
                Submissions.of(uniqueName("squatter"), "1.0.0", Submissions.endpointOf(first)));

        assertThat(taken.statusCode()).isEqualTo(409);
    }

    @Test
    void every_spelling_of_another_servers_endpoint_is_409_on_submit_and_on_edit() {
        String host = uniqueName("spelt").replace('/', '-').replace('.', '-') + ".contoso.example";
        submit(registry, alice(), Submissions.of(uniqueName("owner"), "1.0.0", "https://" + host + "/mcp"));
        JsonNode bobs = submit(registry, bob(), Submissions.of(uniqueName("bobs")));

        for (String spelling : List.of(
                "https://" + host.toUpperCase(java.util.Locale.ROOT) + "/mcp",
                "https://" + host + ":443/mcp",
                "https://" + host + "/mcp/",
                "https://" + host + "/mcp?",
                "https://" + host + "/%6Dcp",
                "https://" + host + "./mcp",
                "https://" + host + "/tools/../mcp")) {
            HttpResponse<String> submitted =
                    registry.post("/registrations", bob(), Submissions.of(uniqueName("squatter"), "1.0.0", spelling));
            HttpResponse<String> edited = registry.patch(pathOf(bobs), bob(), Map.of("endpoint_url", spelling));

            assertThat(submitted.statusCode())
                    .as(spelling + ": " + submitted.body())
                    .isEqualTo(409);
            assertThat(edited.statusCode()).as(spelling + ": " + edited.body()).isEqualTo(409);
        }
    }

    @Test
    void an_endpoint_with_a_fragment_a_port_outside_1_to_65535_or_an_upper_case_scheme_is_400_naming_endpoint_url() {
        JsonNode mine = submit(registry, alice(), Submissions.of(uniqueName("ported")));
        String host = "https://" + uniqueName("ports").replace('/', '-').replace('.', '-') + ".contoso.example";

        for (String endpoint : List.of(
                host + ":0/mcp",
                host + ":65536/mcp",
                host + ":99999/mcp",
                host + "/mcp#tools",
                host.replace("https://", "HTTPS://") + "/mcp")) {
            HttpResponse<String> submitted =
                    registry.post("/registrations", alice(), Submissions.of(uniqueName("bad"), "1.0.0", endpoint));
            HttpResponse<String> edited = registry.patch(pathOf(mine), alice(), Map.of("endpoint_url", endpoint));

            for (HttpResponse<String> refused : List.of(submitted, edited)) {
                assertThat(refused.statusCode())
                        .as(endpoint + ": " + refused.body())
                        .isEqualTo(400);
                assertThat(json(refused).path("errors").findValuesAsText("field"))
                        .containsExactly("endpoint_url");
            }
        }
    }

    @Test
    void the_endpoint_is_answered_and_published_exactly_as_submitted() {
        String name = uniqueName("verbatim");
        String spelling = "https://" + name.replace('/', '-').replace('.', '-').toUpperCase(java.util.Locale.ROOT)
                + ".Contoso.Example:443/%6Dcp/?";
        JsonNode created = submit(registry, alice(), Submissions.of(name, "1.0.0", spelling));
        approve(registry, created);

        JsonNode published = json(registry.get(
                "/v0.1/servers/" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                        + "/versions/latest",
                null));

        assertThat(created.path("endpoint_url").asText()).isEqualTo(spelling);
        assertThat(json(registry.get(pathOf(created), alice()))
                        .path("endpoint_url")
                        .asText())
                .isEqualTo(spelling);
        assertThat(published.path("server").path("remotes").get(0).path("url").asText())
                .isEqualTo(spelling);
    }

    @Test
    void a_clash_with_someone_elses_hidden_registration_names_nothing_of_it_but_admins_and_its_submitter_are_told() {
        String name = uniqueName("hidden");
        String endpoint = Submissions.endpointOf(name);
        JsonNode hidden = submit(registry, alice(), Submissions.of(name, "1.0.0", endpoint));
        String respelt = endpoint.replace("https://mcp.contoso.example/", "https://MCP.Contoso.Example:443/") + "/";

        HttpResponse<String> sameVersion = registry.post(
                "/registrations", bob(), Submissions.of(name, "1.0.0", "https://bob.contoso.example/" + name));
        HttpResponse<String> sameEndpoint =
                registry.post("/registrations", bob(), Submissions.of(uniqueName("other"), "1.0.0", respelt));

        // The name is Alice's: Bob hears whom to ask, nothing of her registration.
        assertThat(sameVersion.statusCode()).isEqualTo(403);
        assertThat(json(sameVersion).path("detail").asText())
                .startsWith("only the owners of " + name + " and administrators may submit its versions");
        assertThat(sameEndpoint.statusCode()).isEqualTo(409);
        assertThat(json(sameEndpoint).path("detail").asText())
                .isEqualTo("the remote URL " + respelt + " belongs to another server name");
        for (HttpResponse<String> refused : List.of(sameVersion, sameEndpoint)) {
            assertThat(refused.body())
                    .doesNotContain(idOf(hidden))
                    .doesNotContain(hidden.path("submitter_id").asText())
                    .doesNotContainIgnoringCase("pending")
                    .doesNotContain(endpoint);
        }
        assertThat(refused(sameEndpoint)).doesNotContain(name);

        for (String informed : List.of(admin(), alice())) {
            HttpResponse<String> told =
                    registry.post("/registrations", informed, Submissions.of(uniqueName("informed"), "1.0.0", respelt));
            assertThat(json(told).path("detail").asText())
                    .isEqualTo("the remote URL " + respelt + " belongs to server " + name + ": registration "
                            + idOf(hidden) + " (Pending) has the remote URL " + endpoint);
        }
        HttpResponse<String> toldVersion = registry.post(
                "/registrations", admin(), Submissions.of(name, "1.0.0", "https://admin.contoso.example/" + name));
        assertThat(json(toldVersion).path("detail").asText())
                .isEqualTo(name + " version 1.0.0 is registered already: registration " + idOf(hidden) + ", Pending");
    }

    private static String refused(HttpResponse<String> answer) {
        return json(answer).path("detail").asText();
    }

    @Test
    void another_version_of_the_same_server_may_share_its_endpoint() {
        String name = uniqueName("versions");
        String endpoint = Submissions.endpointOf(name);
        submit(registry, alice(), Submissions.of(name, "1.0.0", endpoint));

        HttpResponse<String> second = registry.post("/registrations", alice(), Submissions.of(name, "1.1.0", endpoint));

        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(json(second).path("endpoint_url").asText()).isEqualTo(endpoint);
    }

    @Test
    void an_idempotency_key_replays_the_first_answer_without_a_second_registration_or_audit_event() {
        Map<String, Object> body = Submissions.of(uniqueName("retried"));
        String key = "retry-" + System.nanoTime();

        HttpResponse<String> first = registry.post("/registrations", alice(), body, "Idempotency-Key", key);
        HttpResponse<String> replay = registry.post("/registrations", alice(), body, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(json(replay)).isEqualTo(json(first));
        assertThat(replay.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        String id = json(first).path("registration_id").asText();
        HttpResponse<String> events = registry.get("/audit?registration=" + id, admin());
        assertThat(json(events).path("items")).hasSize(1);
        HttpResponse<String> mine = registry.get("/registrations/my?search=" + body.get("server_name"), alice());
        assertThat(json(mine).path("items")).hasSize(1);
    }

    @Test
    void a_replay_after_the_registration_was_deleted_is_409_saying_what_happened() {
        Map<String, Object> body = Submissions.of(uniqueName("withdrawn"));
        String key = "withdrawn-" + System.nanoTime();
        JsonNode first = json(registry.post("/registrations", alice(), body, "Idempotency-Key", key));
        assertThat(registry.delete(pathOf(first), alice()).statusCode()).isEqualTo(204);

        HttpResponse<String> replay = registry.post("/registrations", alice(), body, "Idempotency-Key", key);

        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(json(replay).path("detail").asText())
                .isEqualTo("the submission with this idempotency key created registration " + idOf(first)
                        + ", which has been deleted since; it is not submitted again");
        assertThat(replay.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void an_idempotency_key_reused_for_another_body_is_422() {
        String key = "reused-" + System.nanoTime();
        registry.post("/registrations", alice(), Submissions.of(uniqueName("first")), "Idempotency-Key", key);

        HttpResponse<String> other =
                registry.post("/registrations", alice(), Submissions.of(uniqueName("second")), "Idempotency-Key", key);

        assertThat(other.statusCode()).isEqualTo(422);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "submitter_id", "registration_id", "reviewed_by", "row_version", "created_at"})
    void a_server_owned_field_in_a_submission_is_400_and_nothing_is_stored(String field) {
        String name = uniqueName("sneaky");
        Object value = field.equals("status")
                ? "Approved"
                : field.equals("row_version") ? 7 : field.equals("created_at") ? "2020-01-01T00:00:00Z" : randomId();

        HttpResponse<String> refused =
                registry.post("/registrations", alice(), with(Submissions.of(name), field, value));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("errors").findValuesAsText("field")).contains(field);
        assertThat(json(registry.get("/registrations?search=" + name, admin())).path("items"))
                .isEmpty();
    }

    @Test
    void a_submission_lists_every_invalid_field_at_once() {
        Map<String, Object> body = Submissions.of(uniqueName("broken"));
        body.put("server_name", "no-slash");
        body.put("version", "latest");
        body.put("endpoint_url", "ftp://user:secret@example.com/");
        body.put("transport", "stdio");

        HttpResponse<String> refused = registry.post("/registrations", alice(), body);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("errors").findValuesAsText("field"))
                .contains("server_name", "version", "endpoint_url", "transport");
    }

    // ---- Read ----

    @Test
    void a_registration_reads_with_its_row_version_as_etag() {
        JsonNode created = submitNew(registry, alice(), "etag");

        HttpResponse<String> read = registry.get(pathOf(created), alice());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag"))
                .hasValue("\"" + created.path("row_version").asLong() + "\"");
    }

    @Test
    void an_unknown_registration_is_404() {
        assertThat(registry.get("/registrations/" + randomId(), alice()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void an_admin_reads_anyones_pending_registration() {
        JsonNode created = submitNew(registry, alice(), "admin-reads");

        assertThat(registry.get(pathOf(created), admin()).statusCode()).isEqualTo(200);
    }

    // ---- Edit ----

    @Test
    void the_submitter_edits_a_pending_registration_and_its_etag_moves_on() {
        JsonNode created = submitNew(registry, alice(), "editable");
        String etag = "\"" + created.path("row_version").asLong() + "\"";

        HttpResponse<String> edited = registry.patch(
                pathOf(created),
                alice(),
                Map.of("title", "Ledger tools v2", "tags", List.of("finance")),
                "If-Match",
                etag);

        assertThat(edited.statusCode()).isEqualTo(200);
        JsonNode body = json(edited);
        assertThat(body.path("title").asText()).isEqualTo("Ledger tools v2");
        assertThat(body.path("tags")).hasSize(1);
        assertThat(body.path("status").asText()).isEqualTo("Pending");
        assertThat(body.path("row_version").asLong())
                .isGreaterThan(created.path("row_version").asLong());
        assertThat(edited.headers().firstValue("ETag"))
                .hasValue("\"" + body.path("row_version").asLong() + "\"");
        assertThat(registry.get(pathOf(created), alice()).body()).isEqualTo(edited.body());
    }

    @Test
    void an_optional_field_is_cleared_with_null() {
        JsonNode created = submitNew(registry, alice(), "clearable");
        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put("repository_url", null);

        HttpResponse<String> edited = registry.patch(pathOf(created), alice(), clear);

        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(json(edited).path("repository_url").isMissingNode()
                        || json(edited).path("repository_url").isNull())
                .isTrue();
    }

    @Test
    void editing_a_rejected_registration_returns_it_to_pending() {
        JsonNode created = submitNew(registry, alice(), "rejected-then-fixed");
        review(registry, created, "Rejected", "The description does not say what the tools do.");

        HttpResponse<String> edited =
                registry.patch(pathOf(created), alice(), Map.of("description", "Posts and reads ledger entries."));

        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(json(edited).path("status").asText()).isEqualTo("Pending");
    }

    @Test
    void an_edit_with_a_stale_if_match_is_412_and_changes_nothing() {
        JsonNode created = submitNew(registry, alice(), "stale-edit");
        registry.patch(pathOf(created), alice(), Map.of("title", "First edit"));

        HttpResponse<String> stale = registry.patch(
                pathOf(created),
                alice(),
                Map.of("title", "Second edit"),
                "If-Match",
                "\"" + created.path("row_version").asLong() + "\"");

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(registry.get(pathOf(created), alice())).path("title").asText())
                .isEqualTo("First edit");
    }

    @Test
    void editing_an_approved_registration_is_409() {
        JsonNode approved = approve(registry, submitNew(registry, alice(), "immutable"));

        HttpResponse<String> edit = registry.patch(pathOf(approved), alice(), Map.of("title", "Changed"));

        assertThat(edit.statusCode()).isEqualTo(409);
    }

    @Test
    void only_the_submitter_edits() {
        JsonNode created = submitNew(registry, alice(), "not-yours");

        assertThat(registry.patch(pathOf(created), admin(), Map.of("title", "Admin edit"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(registry.patch(pathOf(created), bob(), Map.of("title", "Bob edit"))
                        .statusCode())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"server_name", "version", "status", "submitter_id"})
    void an_edit_of_a_fixed_or_server_owned_field_is_400(String field) {
        JsonNode created = submitNew(registry, alice(), "fixed");

        HttpResponse<String> refused = registry.patch(pathOf(created), alice(), Map.of(field, "x"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("errors").findValuesAsText("field")).contains(field);
        assertThat(json(registry.get(pathOf(created), alice()))).isEqualTo(created);
    }

    // ---- Review ----

    @Test
    void an_admin_approves_a_pending_registration() {
        JsonNode created = submitNew(registry, alice(), "approvable");

        JsonNode approved = approve(registry, created);

        assertThat(approved.path("status").asText()).isEqualTo("Approved");
        assertThat(approved.path("reviewed_by").asText()).isEqualTo(registry.userId(RunningRegistry.ADMIN_NAME));
        assertThat(approved.path("reviewed_at").asText()).isNotBlank();
    }

    @Test
    void an_admin_rejects_with_a_reason() {
        JsonNode rejected = review(registry, submitNew(registry, alice(), "rejectable"), "Rejected", "No owner.");

        assertThat(rejected.path("status").asText()).isEqualTo("Rejected");
        assertThat(rejected.path("status_reason").asText()).isEqualTo("No owner.");
    }

    @Test
    void rejecting_without_a_reason_is_400() {
        JsonNode created = submitNew(registry, alice(), "no-reason");

        HttpResponse<String> refused = registry.patch(pathOf(created) + "/status", admin(), status("Rejected", null));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(registry.get(pathOf(created), alice())).path("status").asText())
                .isEqualTo("Pending");
    }

    @Test
    void the_submitter_deprecates_their_approved_registration_and_an_admin_reactivates_it() {
        JsonNode approved = approve(registry, submitNew(registry, alice(), "lifecycle"));

        HttpResponse<String> deprecated =
                registry.patch(pathOf(approved) + "/status", alice(), status("Deprecated", "Replaced by v2."));
        assertThat(deprecated.statusCode()).isEqualTo(200);
        assertThat(json(deprecated).path("status").asText()).isEqualTo("Deprecated");

        assertThat(registry.patch(pathOf(approved) + "/status", alice(), status("Approved", null))
                        .statusCode())
                .as("only an admin reactivates")
                .isEqualTo(403);
        JsonNode reactivated = review(registry, approved, "Approved", null);
        assertThat(reactivated.path("status").asText()).isEqualTo("Approved");
    }

    @Test
    void a_user_approving_is_403_even_their_own() {
        JsonNode created = submitNew(registry, alice(), "self-approval");

        HttpResponse<String> refused = registry.patch(pathOf(created) + "/status", alice(), status("Approved", null));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(registry.get(pathOf(created), alice())).path("status").asText())
                .isEqualTo("Pending");
    }

    @ParameterizedTest
    @ValueSource(strings = {"approved", "Published", "Pending", ""})
    void an_unknown_or_unreachable_status_is_400(String target) {
        JsonNode created = submitNew(registry, alice(), "odd-status");

        HttpResponse<String> refused = registry.patch(pathOf(created) + "/status", admin(), status(target, null));

        assertThat(refused.statusCode()).isEqualTo(400);
    }

    @Test
    void a_review_with_a_stale_if_match_is_412() {
        JsonNode created = submitNew(registry, alice(), "stale-review");
        registry.patch(pathOf(created), alice(), Map.of("title", "Edited meanwhile"));

        HttpResponse<String> stale = registry.patch(
                pathOf(created) + "/status",
                admin(),
                status("Approved", null),
                "If-Match",
                "\"" + created.path("row_version").asLong() + "\"");

        assertThat(stale.statusCode()).isEqualTo(412);
    }

    @Test
    void a_review_with_the_current_if_match_succeeds() {
        JsonNode created = submitNew(registry, alice(), "fresh-review");
        String etag = registry.get(pathOf(created), admin())
                .headers()
                .firstValue("ETag")
                .orElseThrow();

        HttpResponse<String> approved =
                registry.patch(pathOf(created) + "/status", admin(), status("Approved", null), "If-Match", etag);

        assertThat(approved.statusCode()).isEqualTo(200);
    }

    @Test
    void approving_twice_is_409() {
        JsonNode approved = approve(registry, submitNew(registry, alice(), "twice-approved"));

        assertThat(registry.patch(pathOf(approved) + "/status", admin(), status("Approved", null))
                        .statusCode())
                .isEqualTo(409);
    }

    // ---- Delete ----

    @Test
    void the_submitter_deletes_a_pending_registration_and_it_is_gone_from_every_read() {
        JsonNode created = submitNew(registry, alice(), "deletable");

        HttpResponse<String> deleted = registry.delete(pathOf(created), alice());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(registry.get(pathOf(created), alice()).statusCode()).isEqualTo(404);
        assertThat(registry.get(pathOf(created), admin()).statusCode()).isEqualTo(404);
        assertThat(json(registry.get(
                                "/registrations/my?search="
                                        + created.path("server_name").asText(),
                                alice()))
                        .path("items"))
                .isEmpty();
        assertThat(registry.delete(pathOf(created), alice()).statusCode()).isEqualTo(404);
    }

    @Test
    void the_submitter_may_not_delete_an_approved_registration_but_an_admin_may() {
        JsonNode approved = approve(registry, submitNew(registry, alice(), "kept"));

        assertThat(registry.delete(pathOf(approved), alice()).statusCode()).isEqualTo(403);
        assertThat(registry.delete(pathOf(approved), admin()).statusCode()).isEqualTo(204);
        assertThat(registry.get(pathOf(approved), alice()).statusCode()).isEqualTo(404);
    }

    @Test
    void an_admin_deletes_a_pending_registration_of_anyone() {
        JsonNode created = submitNew(registry, alice(), "admin-deletes");

        assertThat(registry.delete(pathOf(created), admin()).statusCode()).isEqualTo(204);
    }

    @Test
    void a_delete_with_a_stale_if_match_is_412() {
        JsonNode created = submitNew(registry, alice(), "stale-delete");
        registry.patch(pathOf(created), alice(), Map.of("title", "Edited meanwhile"));

        HttpResponse<String> stale = registry.delete(
                pathOf(created),
                alice(),
                "If-Match",
                "\"" + created.path("row_version").asLong() + "\"");

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(registry.get(pathOf(created), alice()).statusCode()).isEqualTo(200);
    }

    // ---- History ----

    @Test
    void the_history_lists_every_step_for_the_submitter_and_admins_but_no_one_else() {
        JsonNode created = submitNew(registry, alice(), "history");
        registry.patch(pathOf(created), alice(), Map.of("title", "Edited"));
        approve(registry, created);

        HttpResponse<String> mine = registry.get(pathOf(created) + "/history", alice());
        HttpResponse<String> admins = registry.get(pathOf(created) + "/history", admin());
        HttpResponse<String> others = registry.get(pathOf(created) + "/history", bob());

        assertThat(mine.statusCode()).isEqualTo(200);
        List<String> actions = new ArrayList<>(json(mine).path("items").findValuesAsText("action"));
        assertThat(actions).hasSize(3);
        assertThat(json(mine).path("items").findValuesAsText("to_status")).contains("Pending", "Approved");
        assertThat(admins.statusCode()).isEqualTo(200);
        assertThat(json(admins).path("items")).hasSize(3);
        assertThat(others.statusCode())
                .as("bob sees the approved registration, not its history")
                .isEqualTo(404);
        assertThat(registry.get(pathOf(created), bob()).statusCode()).isEqualTo(200);
    }

    // ---- The record is honest ----

    @Test
    void an_edit_that_changes_nothing_keeps_the_row_version_etag_and_history() {
        JsonNode created = submitNew(registry, alice(), "unchanged");
        String etag = "\"" + created.path("row_version").asLong() + "\"";
        java.util.HashMap<String, Object> nullTitle = new java.util.HashMap<>();
        nullTitle.put("title", null);
        List<Object> noOps = List.of(
                Map.of(),
                nullTitle,
                Map.of(
                        "title", created.path("title").asText(),
                        "description", created.path("description").asText(),
                        "tags",
                                List.of(
                                        created.path("tags").get(0).asText(),
                                        created.path("tags").get(1).asText())));
        String historyBefore =
                registry.get(pathOf(created) + "/history", alice()).body();

        for (Object noOp : noOps) {
            HttpResponse<String> edited = registry.patch(pathOf(created), alice(), noOp, "If-Match", etag);

            assertThat(edited.statusCode()).as("PATCH %s", noOp).isEqualTo(200);
            assertThat(edited.headers().firstValue("ETag")).as("PATCH %s", noOp).hasValue(etag);
            assertThat(json(edited)).as("PATCH %s", noOp).isEqualTo(created);
        }
        assertThat(json(registry.get(pathOf(created), alice()))).isEqualTo(created);
        assertThat(registry.get(pathOf(created) + "/history", alice()).body()).isEqualTo(historyBefore);
        assertThat(json(registry.get(pathOf(created) + "/history", alice())).path("items"))
                .hasSize(1);
    }

    @Test
    void an_edit_that_changes_nothing_is_still_refused_where_a_real_one_would_be() {
        JsonNode approved = approve(registry, submitNew(registry, alice(), "unchanged-approved"));

        assertThat(registry.patch(pathOf(approved), alice(), Map.of()).statusCode())
                .isEqualTo(409);
        assertThat(registry.patch(pathOf(approved), bob(), Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(registry.patch(pathOf(approved), alice(), Map.of(), "If-Match", "\"99\"")
                        .statusCode())
                .isEqualTo(412);
    }

    @Test
    void a_real_edits_history_event_lists_the_fields_it_changed() {
        JsonNode created = submitNew(registry, alice(), "changed");
        java.util.HashMap<String, Object> edit = new java.util.HashMap<>();
        edit.put("title", "Ledger tools v2");
        edit.put("repository_url", null);

        assertThat(registry.patch(pathOf(created), alice(), edit).statusCode()).isEqualTo(200);

        JsonNode history =
                json(registry.get(pathOf(created) + "/history", alice())).path("items");
        assertThat(history).hasSize(2);
        JsonNode event = history.get(1);
        assertThat(event.path("action").asText()).isEqualTo("edit");
        assertThat(event.path("changes")).hasSize(2);
        assertThat(event.path("changes").get(0).path("field").asText()).isEqualTo("title");
        assertThat(event.path("changes").get(0).path("old").asText())
                .isEqualTo(created.path("title").asText());
        assertThat(event.path("changes").get(0).path("new").asText()).isEqualTo("Ledger tools v2");
        assertThat(event.path("changes").get(1).path("field").asText()).isEqualTo("repository_url");
        assertThat(event.path("changes").get(1).path("old").asText())
                .isEqualTo(created.path("repository_url").asText());
        assertThat(event.path("changes").get(1).has("new")).isFalse();
        assertThat(history.get(0).has("changes"))
                .as("a submission changes no fields")
                .isFalse();
        JsonNode audited = json(registry.get(
                        "/audit?action=edit&registration="
                                + created.path("registration_id").asText(),
                        admin()))
                .path("items");
        assertThat(audited)
                .singleElement()
                .satisfies(e -> assertThat(e.path("changes")).isEqualTo(event.path("changes")));
    }

    @Test
    void a_rejected_registration_edited_back_to_pending_no_longer_shows_the_old_review() {
        JsonNode created = submitNew(registry, alice(), "reviewed-again");
        review(registry, created, "Rejected", "The description does not say what the tools do.");

        JsonNode edited = json(
                registry.patch(pathOf(created), alice(), Map.of("description", "Posts and reads ledger entries.")));

        assertThat(edited.path("status").asText()).isEqualTo("Pending");
        for (String field : List.of("reviewed_by", "reviewed_at", "status_reason")) {
            assertThat(edited.path(field).isMissingNode() || edited.path(field).isNull())
                    .as(field)
                    .isTrue();
        }
        assertThat(json(registry.get(pathOf(created) + "/history", alice()))
                        .path("items")
                        .findValuesAsText("action"))
                .containsExactly("submit", "reject", "edit");
    }

    @Test
    void history_and_audit_name_each_actor_with_display_name_and_email() {
        JsonNode created = submitNew(registry, alice(), "named");
        approve(registry, created);

        JsonNode mine =
                json(registry.get(pathOf(created) + "/history", alice())).path("items");
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).path("actor_id").asText()).isEqualTo(registry.userId(ALICE));
        assertThat(mine.get(0).path("actor").path("user_id").asText()).isEqualTo(registry.userId(ALICE));
        assertThat(mine.get(0).path("actor").path("display_name").asText()).isEqualTo(ALICE);
        assertThat(mine.get(0).path("actor").path("email").asText()).isEqualTo(RunningRegistry.emailOf(ALICE));
        assertThat(mine.get(1).path("actor").path("display_name").asText()).isEqualTo(RunningRegistry.ADMIN_NAME);
        assertThat(mine.get(1).path("actor").path("email").asText())
                .isEqualTo(RunningRegistry.emailOf(RunningRegistry.ADMIN_NAME));

        JsonNode audited = json(registry.get(
                        "/audit?registration=" + created.path("registration_id").asText(), admin()))
                .path("items");
        assertThat(audited.findValuesAsText("display_name")).containsExactly(RunningRegistry.ADMIN_NAME, ALICE);
    }

    @Test
    void a_deleted_name_and_version_is_never_submitted_again() {
        String name = uniqueName("retired");
        JsonNode approved = approve(
                registry, submit(registry, alice(), Submissions.of(name, "2.0.0", Submissions.endpointOf(name))));
        assertThat(registry.delete(pathOf(approved), admin()).statusCode()).isEqualTo(204);

        HttpResponse<String> again =
                registry.post("/registrations", alice(), Submissions.of(name, "2.0.0", Submissions.endpointOf(name)));

        assertThat(again.statusCode()).isEqualTo(409);
        // Nobody but an administrator reads a deleted registration: its submitter hears the rule, not its state.
        assertThat(json(again).path("detail").asText())
                .isEqualTo(name + " version 2.0.0 is taken; a version is never reused, not even after its registration"
                        + " was deleted: submit a new version");
        HttpResponse<String> byAdmin =
                registry.post("/registrations", admin(), Submissions.of(name, "2.0.0", Submissions.endpointOf(name)));
        assertThat(json(byAdmin).path("detail").asText())
                .isEqualTo(name + " 2.0.0 existed before and was deleted (registration " + idOf(approved)
                        + "); versions are never reused: submit a new version");
        HttpResponse<String> versions = registry.get(
                "/v0.1/servers/" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                        + "/versions?include_deleted=true",
                admin());
        assertThat(versions.statusCode()).isEqualTo(200);
        assertThat(versions.body()).containsOnlyOnce("\"2.0.0\"");
        assertThat(registry.post("/registrations", alice(), Submissions.of(name, "2.0.1", Submissions.endpointOf(name)))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void the_history_of_an_unknown_registration_is_404() {
        assertThat(registry.get("/registrations/" + randomId() + "/history", admin())
                        .statusCode())
                .isEqualTo(404);
    }

    private static String randomId() {
        return java.util.UUID.randomUUID().toString();
    }
}
