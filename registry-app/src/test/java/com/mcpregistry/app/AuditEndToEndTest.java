package com.mcpregistry.app;

import static com.mcpregistry.app.ListingEndToEndTest.encode;
import static com.mcpregistry.app.RunningRegistry.json;
import static com.mcpregistry.app.Submissions.approve;
import static com.mcpregistry.app.Submissions.pathOf;
import static com.mcpregistry.app.Submissions.submitNew;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /audit}: administrators only; filters by actor, action, registration and time; keyset paging. */
class AuditEndToEndTest {
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard();

    private static final String OLGA = "Olga Audited";
    private static final String PETE = "Pete Audited";
    private static JsonNode olgasFirst;
    private static JsonNode olgasSecond;
    private static JsonNode petes;
    private static Instant beforePete;

    @BeforeAll
    static void history() throws InterruptedException {
        olgasFirst = submitNew(registry, registry.userToken(OLGA), "audited-a");
        olgasSecond = submitNew(registry, registry.userToken(OLGA), "audited-b");
        approve(registry, olgasFirst);
        Thread.sleep(5);
        beforePete = Instant.now();
        Thread.sleep(5);
        petes = submitNew(registry, registry.userToken(PETE), "audited-c");
        registry.patch(pathOf(petes), registry.userToken(PETE), Map.of("title", "Edited by Pete"));
    }

    @Test
    void a_user_may_not_read_the_audit_trail() {
        HttpResponse<String> refused = registry.get("/audit", registry.userToken(OLGA));

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void an_admin_reads_every_event_newest_first() {
        JsonNode events = json(registry.get("/audit", registry.adminToken())).path("items");

        assertThat(events).hasSize(5);
        assertThat(events.findValuesAsText("action")).containsExactly("edit", "submit", "approve", "submit", "submit");
        List<Instant> times = new ArrayList<>();
        events.findValuesAsText("at").forEach(at -> times.add(Instant.parse(at)));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void events_filter_by_actor() {
        String olga = registry.userId(OLGA);

        JsonNode events = json(registry.get("/audit?actor=" + olga, registry.adminToken()))
                .path("items");

        assertThat(events).hasSize(2);
        assertThat(events.findValuesAsText("actor_id")).containsOnly(olga);
    }

    @Test
    void events_filter_by_action() {
        JsonNode events = json(registry.get("/audit?action=approve", registry.adminToken()))
                .path("items");

        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("registration_id").asText())
                .isEqualTo(olgasFirst.path("registration_id").asText());
        assertThat(events.get(0).path("from_status").asText()).isEqualTo("Pending");
        assertThat(events.get(0).path("to_status").asText()).isEqualTo("Approved");
        assertThat(events.get(0).path("actor_id").asText()).isEqualTo(registry.userId(RunningRegistry.ADMIN_NAME));
    }

    @Test
    void events_filter_by_registration() {
        JsonNode events = json(registry.get(
                        "/audit?registration="
                                + olgasFirst.path("registration_id").asText(),
                        registry.adminToken()))
                .path("items");

        assertThat(events.findValuesAsText("action")).containsExactly("approve", "submit");
    }

    @Test
    void events_filter_by_time() {
        JsonNode events = json(registry.get("/audit?since=" + encode(beforePete.toString()), registry.adminToken()))
                .path("items");

        assertThat(events.findValuesAsText("action")).containsExactly("edit", "submit");
        assertThat(events.findValuesAsText("registration_id"))
                .containsOnly(petes.path("registration_id").asText());
    }

    @Test
    void filters_combine() {
        JsonNode events = json(registry.get(
                        "/audit?action=submit&actor=" + registry.userId(OLGA) + "&registration="
                                + olgasSecond.path("registration_id").asText(),
                        registry.adminToken()))
                .path("items");

        assertThat(events).hasSize(1);
    }

    @Test
    void the_trail_pages_by_cursor() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json(registry.get(
                    "/audit?limit=2" + (cursor == null ? "" : "&cursor=" + encode(cursor)), registry.adminToken()));
            seen.addAll(page.path("items").findValuesAsText("event_id"));
            cursor = page.path("next_cursor").isNull()
                    ? null
                    : page.path("next_cursor").asText();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "actor=not-a-uuid",
                "registration=42",
                "since=yesterday",
                "since=2025-13-01T00:00:00Z",
                "limit=0",
                "limit=101",
                "limit=-1",
                "limit=abc",
                "cursor=not-a-cursor",
                "cursor=%E2%98%83"
            })
    void a_bad_filter_is_400(String query) {
        HttpResponse<String> refused = registry.get("/audit?" + query, registry.adminToken());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("errors").findValuesAsText("field")).contains(query.split("=")[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"approved", "APPROVE", "imported", "Robert%27%29%3B%20DROP%20TABLE%20audit_log%3B--"})
    void an_unknown_action_is_400_naming_the_known_ones(String action) {
        HttpResponse<String> refused = registry.get("/audit?action=" + action, registry.adminToken());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode error = json(refused).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("action");
        assertThat(error.path("message").asText())
                .isEqualTo("must be one of submit, edit, approve, reject, deprecate, reactivate, delete,"
                        + " admin_granted, admin_revoked, owner_added, owner_removed, server_transferred,"
                        + " namespace_claimed, namespace_released, tools_changed");
    }
}
