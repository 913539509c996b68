package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static com.mcpregistry.app.Submissions.approve;
import static com.mcpregistry.app.Submissions.idOf;
import static com.mcpregistry.app.Submissions.review;
import static com.mcpregistry.app.Submissions.submit;
import static com.mcpregistry.app.Submissions.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /registrations} and {@code GET /registrations/my}: who sees what, the filters, and keyset paging over
 * a database that holds exactly the registrations made here.
 */
class ListingEndToEndTest {
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard();

    private static final String ALICE = "Alice Lister";
    private static final String BOB = "Bob Lister";

    private static String alicePending;
    private static String aliceApproved;
    private static String aliceRejected;
    private static String aliceDeprecated;
    private static String alicePending2;
    private static String bobPending;
    private static String bobApproved;
    private static String bobRejected;
    private static String underscored;

    @BeforeAll
    static void registrations() {
        String alice = registry.userToken(ALICE);
        String bob = registry.userToken(BOB);
        alicePending = idOf(submit(registry, alice, Submissions.of(uniqueName("alpha"))));
        JsonNode quantum = submit(
                registry, alice, Submissions.with(Submissions.of(uniqueName("beta")), "title", "Quantum Ledger"));
        aliceApproved = idOf(approve(registry, quantum));
        aliceRejected =
                idOf(review(registry, submit(registry, alice, Submissions.of(uniqueName("gamma"))), "Rejected", "No."));
        JsonNode delta = approve(registry, submit(registry, alice, Submissions.of(uniqueName("delta"))));
        aliceDeprecated = idOf(review(registry, delta, "Deprecated", "Superseded."));
        alicePending2 = idOf(submit(registry, alice, Submissions.of(uniqueName("epsilon"))));
        bobPending = idOf(submit(registry, bob, Submissions.of(uniqueName("zeta"))));
        JsonNode zebra = submit(
                registry,
                bob,
                Submissions.with(
                        Submissions.of(uniqueName("eta")), "description", "Finds the nearest Zebra-Crossing for you"));
        bobApproved = idOf(approve(registry, zebra));
        bobRejected =
                idOf(review(registry, submit(registry, bob, Submissions.of(uniqueName("theta"))), "Rejected", "No."));
        underscored = idOf(approve(registry, submit(registry, bob, Submissions.of(uniqueName("under_score")))));
    }

    @Test
    void an_admin_sees_every_registration() {
        assertThat(ids(registry.get("/registrations?limit=100", registry.adminToken())))
                .containsExactlyInAnyOrder(
                        alicePending,
                        aliceApproved,
                        aliceRejected,
                        aliceDeprecated,
                        alicePending2,
                        bobPending,
                        bobApproved,
                        bobRejected,
                        underscored);
    }

    @Test
    void a_user_sees_approved_and_deprecated_registrations_and_their_own() {
        assertThat(ids(registry.get("/registrations?limit=100", registry.userToken(BOB))))
                .containsExactlyInAnyOrder(
                        aliceApproved, aliceDeprecated, bobPending, bobApproved, bobRejected, underscored);
    }

    @Test
    void a_user_who_submitted_nothing_sees_only_published_registrations() {
        assertThat(ids(registry.get("/registrations", registry.userToken("Carol Newcomer"))))
                .containsExactlyInAnyOrder(aliceApproved, aliceDeprecated, bobApproved, underscored);
    }

    @Test
    void the_status_filter_applies_within_what_the_caller_may_see() {
        assertThat(ids(registry.get("/registrations?status=Pending", registry.adminToken())))
                .containsExactlyInAnyOrder(alicePending, alicePending2, bobPending);
        assertThat(ids(registry.get("/registrations?status=Pending", registry.userToken(BOB))))
                .containsExactly(bobPending);
        assertThat(ids(registry.get("/registrations?status=Rejected", registry.userToken(BOB))))
                .containsExactly(bobRejected);
        assertThat(ids(registry.get("/registrations?status=Deprecated", registry.userToken(BOB))))
                .containsExactly(aliceDeprecated);
    }

    @Test
    void search_matches_name_title_and_description_ignoring_case() {
        String bob = registry.userToken(BOB);
        assertThat(ids(registry.get("/registrations?search=qUaNtUm", bob))).containsExactly(aliceApproved);
        assertThat(ids(registry.get("/registrations?search=zebra-crossing", bob)))
                .containsExactly(bobApproved);
        assertThat(ids(registry.get("/registrations?search=" + encode("E2E/ETA-"), bob)))
                .containsExactly(bobApproved);
        assertThat(ids(registry.get("/registrations?search=gamma", bob)))
                .as("alice's rejected registration stays hidden from bob, even by search")
                .isEmpty();
    }

    @Test
    void search_and_status_combine() {
        assertThat(ids(registry.get("/registrations?status=Approved&search=quantum", registry.adminToken())))
                .containsExactly(aliceApproved);
        assertThat(ids(registry.get("/registrations?status=Pending&search=quantum", registry.adminToken())))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "%%abc",
                "'; drop table registrations; --",
                "abc\\",
                "\\%abc",
                "abc%def",
                "\" OR 1=1 --abc",
                "abc*"
            })
    void sql_and_pattern_metacharacters_in_search_are_plain_text(String term) {
        HttpResponse<String> found = registry.get("/registrations?search=" + encode(term), registry.adminToken());

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(json(found).path("items")).isEmpty();
        assertThat(ids(registry.get("/registrations?limit=100", registry.adminToken())))
                .hasSize(9);
    }

    @Test
    void an_underscore_in_search_matches_only_an_underscore() {
        assertThat(ids(registry.get("/registrations?search=der_sc", registry.adminToken())))
                .containsExactly(underscored);
    }

    /** Issue 11: terms no index can serve read the whole table; they are refused instead, each with why. */
    @ParameterizedTest
    @ValueSource(strings = {"%", "--", "zq", "é", "%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_", "_", "\\", "a%b", "*"})
    void a_search_without_three_letters_or_digits_in_a_row_is_400_on_both_apis(String term) {
        HttpResponse<String> seed = registry.get("/registrations?search=" + encode(term), registry.adminToken());
        HttpResponse<String> catalogue = registry.get("/v0.1/servers?search=" + encode(term), null);

        assertThat(seed.statusCode()).isEqualTo(400);
        assertThat(json(seed).path("errors").path(0).path("field").asText()).isEqualTo("search");
        assertThat(json(seed).path("errors").path(0).path("message").asText())
                .contains("at least 3 letters or digits in a row");
        assertThat(catalogue.statusCode()).isEqualTo(400);
        assertThat(json(catalogue).path("error").asText())
                .startsWith("search: must hold at least 3 letters or digits in a row");
    }

    @Test
    void pages_follow_each_other_by_cursor_newest_first_without_gaps_or_repeats() {
        List<String> seen = new ArrayList<>();
        List<java.time.Instant> createdAt = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> page = registry.get(
                    "/registrations?limit=4" + (cursor == null ? "" : "&cursor=" + encode(cursor)),
                    registry.adminToken());
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode body = json(page);
            assertThat(body.path("items").size()).isLessThanOrEqualTo(4);
            seen.addAll(body.path("items").findValuesAsText("registration_id"));
            body.path("items").findValuesAsText("created_at").stream()
                    .map(java.time.Instant::parse)
                    .forEach(createdAt::add);
            cursor = body.path("next_cursor").isNull()
                    ? null
                    : body.path("next_cursor").asText();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().hasSize(9);
        assertThat(createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void the_default_page_is_20_and_the_last_page_has_no_cursor() {
        JsonNode page = json(registry.get("/registrations", registry.adminToken()));

        assertThat(page.path("items")).hasSize(9);
        assertThat(page.has("next_cursor")).isTrue();
        assertThat(page.path("next_cursor").isNull()).isTrue();
    }

    @Test
    void my_registrations_are_all_of_mine_in_any_status_and_page_too() {
        String alice = registry.userToken(ALICE);
        assertThat(ids(registry.get("/registrations/my", alice)))
                .containsExactlyInAnyOrder(alicePending, aliceApproved, aliceRejected, aliceDeprecated, alicePending2);
        assertThat(ids(registry.get("/registrations/my?status=Pending", alice)))
                .containsExactlyInAnyOrder(alicePending, alicePending2);
        assertThat(ids(registry.get("/registrations/my?search=quantum", alice))).containsExactly(aliceApproved);

        JsonNode first = json(registry.get("/registrations/my?limit=3", alice));
        assertThat(first.path("items")).hasSize(3);
        JsonNode second = json(registry.get(
                "/registrations/my?limit=3&cursor="
                        + encode(first.path("next_cursor").asText()),
                alice));
        assertThat(second.path("items")).hasSize(2);
        assertThat(second.path("next_cursor").isNull()).isTrue();
    }

    @Test
    void an_admin_lists_only_their_own_under_my() {
        assertThat(ids(registry.get("/registrations/my", registry.adminToken())))
                .isEmpty();
    }

    @Test
    void a_registration_deleted_leaves_every_list() {
        String carol = registry.userToken("Carol Deleter");
        JsonNode created = submit(registry, carol, Submissions.of(uniqueName("short-lived")));
        assertThat(registry.delete(Submissions.pathOf(created), carol).statusCode())
                .isEqualTo(204);

        assertThat(ids(registry.get("/registrations/my", carol))).isEmpty();
        assertThat(ids(registry.get("/registrations?limit=100", registry.adminToken())))
                .doesNotContain(idOf(created))
                .hasSize(9);
    }

    static List<String> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json(page).path("items").findValuesAsText("registration_id");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
