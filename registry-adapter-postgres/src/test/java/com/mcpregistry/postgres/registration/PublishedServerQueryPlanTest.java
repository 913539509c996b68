package com.mcpregistry.postgres.registration;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.postgres.PlainSqlDocuments;
import com.mcpregistry.postgres.PostgresAdapters;
import com.mcpregistry.postgres.PostgresPool;
import com.mcpregistry.postgres.QueryPlans;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.postgres.shared.Timestamps;
import com.mcpregistry.publication.PublishedServerQuery;
import com.mcpregistry.publication.ServerListCursor;
import com.mcpregistry.publication.VersionSelector;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every read of the MCP Registry API can be served by an index in keyset order, so that the first page, a page deep
 * in the list and a search cost the same at a million registrations as at ten thousand: no OFFSET, no scan of the
 * table, no sort of everything that matches.
 */
class PublishedServerQueryPlanTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    @BeforeAll
    static void givenThousandsOfVersionsOfManyServersInEveryState() {
        UUID submitter = database.adapters().users().save(Fixtures.user()).id().value();
        // Two thousand servers of three versions; a fiftieth still pending, some deprecated, a few deleted.
        database.jdbi()
                .useHandle(handle -> handle.createUpdate("""
                        INSERT INTO registrations (id, server_name, version, title, description, server_json,
                            owner_contact, submitter_id, status, status_reason,
                            reviewed_by, reviewed_at, created_at, updated_at, deleted_at, published_at, is_latest)
                        SELECT gen_random_uuid(), name, version, title, description,
                               <document>,
                               'owner@example.com', :submitter,
                               CASE WHEN s % 50 = 0 THEN 'Pending' WHEN s % 7 = 0 AND v = 1 THEN 'Deprecated'
                                    ELSE 'Approved' END,
                               CASE WHEN s % 7 = 0 AND v = 1 AND s % 50 <> 0 THEN 'superseded' END,
                               CASE WHEN s % 50 <> 0 THEN :submitter END, CASE WHEN s % 50 <> 0 THEN now() END,
                               now() - s * interval '1 second', now() - (s * 3 + v) * interval '1 second',
                               CASE WHEN s % 97 = 0 AND v = 2 THEN now() END,
                               CASE WHEN s % 50 <> 0 THEN now() - s * interval '1 second' END,
                               s % 50 <> 0 AND v = 3
                          FROM generate_series(1, 2000) AS s, generate_series(1, 3) AS v
                         CROSS JOIN LATERAL (SELECT 'com.plan/server-' || s AS name, v || '.0.0' AS version,
                               'Server number ' || s AS title,
                               CASE WHEN s = 1234 THEN 'Books quokka payroll'
                                    WHEN s % 50 = 7 THEN 'Reads ledger entries of wombats'
                                    ELSE 'Reads ledger entries' END AS description) AS row
                        """.replace(
                                "<document>",
                                PlainSqlDocuments.oneRemote(
                                        "name", "version", "title", "description", "'https://plan.example.com/' || s")))
                        .bind("submitter", submitter)
                        .execute());
    }

    private static String plan(PublishedServerQuery query) {
        JdbiPublishedServers.Select select = JdbiPublishedServers.select(query);
        return QueryPlans.inIndexOrder(database.jdbi(), select.sql(), select.params());
    }

    private static PublishedServerQuery query(
            Optional<VersionSelector> version, boolean includeDeleted, Optional<ServerListCursor> after) {
        return new PublishedServerQuery(Optional.empty(), version, includeDeleted, Optional.empty(), 30, after);
    }

    private static final Optional<ServerListCursor> DEEP =
            Optional.of(new ServerListCursor.ByName("com.plan/server-1500", "2.0.0", UUID.randomUUID()));

    @Test
    void the_first_page_of_the_catalogue_comes_from_the_name_index_already_in_order() {
        assertThat(plan(query(Optional.empty(), false, Optional.empty())))
                .contains("Index Scan using registrations_published_name_idx")
                .doesNotContain("Sort");
    }

    @Test
    void a_page_deep_in_the_catalogue_starts_at_the_cursor_in_the_index() {
        assertThat(plan(query(Optional.empty(), false, DEEP)))
                .contains("Index Scan using registrations_published_name_idx")
                .containsPattern("Index Cond: \\(ROW\\(\\(server_name\\)::text, \\(version\\)::text, id\\) >")
                .doesNotContain("Sort");
        assertThat(plan(query(Optional.empty(), true, DEEP)))
                .contains("Index Scan using registrations_published_name_idx")
                .doesNotContain("Sort");
    }

    @Test
    void latest_versions_come_from_their_own_small_index_from_any_depth() {
        assertThat(plan(query(Optional.of(new VersionSelector.Latest()), false, Optional.empty())))
                .contains("Index Scan using registrations_latest_name_idx")
                .doesNotContain("Sort");
        assertThat(plan(query(Optional.of(new VersionSelector.Latest()), false, DEEP)))
                .contains("Index Scan using registrations_latest_name_idx")
                .contains("Index Cond: (ROW(")
                .doesNotContain("Sort");
    }

    @Test
    void an_exact_version_is_filtered_while_reading_the_name_index_in_order() {
        assertThat(plan(query(Optional.of(new VersionSelector.Exact(new Version("2.0.0"))), false, DEEP)))
                .contains("registrations_published_name_idx")
                .doesNotContain("Sort");
    }

    @Test
    void changes_since_a_time_come_from_the_update_time_index_in_order_from_any_depth() {
        PublishedServerQuery since = new PublishedServerQuery(
                Optional.empty(), Optional.empty(), false, Optional.of(T0), 30, Optional.empty());

        assertThat(plan(since))
                .contains("Index Scan using registrations_published_updated_idx")
                .doesNotContain("Sort");
        assertThat(plan(since.after(new ServerListCursor.ByUpdate(T0.plusSeconds(60), UUID.randomUUID()))))
                .contains("Index Scan using registrations_published_updated_idx")
                .contains("Index Cond: ((updated_at > ")
                .doesNotContain("Sort");
    }

    @Test
    void a_search_uses_the_trigram_indexes_of_name_and_description() {
        for (boolean includeDeleted : new boolean[] {false, true}) {
            JdbiPublishedServers.Select select = JdbiPublishedServers.select(new PublishedServerQuery(
                    Optional.of("quokka"), Optional.empty(), includeDeleted, Optional.empty(), 30, Optional.empty()));

            assertThat(QueryPlans.withoutSequentialScans(database.jdbi(), select.sql(), select.params()))
                    .contains("BitmapOr")
                    .contains("registrations_published_search_name_trgm_idx")
                    .contains("registrations_published_search_description_trgm_idx");
        }
    }

    @Test
    void a_common_word_is_looked_for_in_the_name_index_alone_and_only_the_pages_rows_are_read_from_the_table() {
        String plan = analyzed(search("ledger", Optional.empty()));

        assertThat(plan)
                .contains("Index Only Scan using registrations_published_name_idx")
                .contains("Heap Fetches: 0")
                .contains("Index Cond: (id = ANY")
                .doesNotContain("trgm");
        assertThat(analyzed(search("ledger", DEEP)))
                .contains("Index Only Scan using registrations_published_name_idx")
                .contains("Index Cond: (ROW(server_name, version, id) >");
    }

    @Test
    void a_common_word_among_the_latest_versions_is_looked_for_in_their_own_index_alone() {
        PublishedServerQuery latest = new PublishedServerQuery(
                Optional.of("ledger"),
                Optional.of(new VersionSelector.Latest()),
                false,
                Optional.empty(),
                30,
                Optional.empty());

        assertThat(analyzed(latest))
                .contains("Index Only Scan using registrations_latest_name_idx")
                .contains("Heap Fetches: 0");
    }

    @Test
    void a_word_in_one_server_in_fifty_is_found_by_trigram_and_sorted_rather_than_walked_for() {
        // 120 matches among 6,000: planned for one page, the search would walk the name index for them.
        JdbiPublishedServers.Select select = JdbiPublishedServers.select(search("wombat", Optional.empty()));

        assertThat(QueryPlans.chosen(database.jdbi(), select.sql(), select.params()))
                .contains("registrations_published_search_description_trgm_idx")
                .doesNotContain("Index Only Scan");
    }

    private static String analyzed(PublishedServerQuery query) {
        JdbiPublishedServers.Select select = JdbiPublishedServers.select(query);
        return QueryPlans.analyzed(database.jdbi(), select.sql(), select.params());
    }

    @Test
    void one_server_its_versions_and_its_latest_are_read_by_index() {
        Map<String, Object> name = Map.of("server_name", "com.plan/server-1234");

        assertThat(QueryPlans.inIndexOrder(database.jdbi(), JdbiPublishedServers.versionsSql(true), name))
                .contains("Index Scan")
                .doesNotContain("Seq Scan");
        assertThat(QueryPlans.inIndexOrder(
                        database.jdbi(),
                        JdbiPublishedServers.versionSql(false),
                        Map.of("server_name", "com.plan/server-1234", "version", "2.0.0")))
                .contains("Index Scan")
                .doesNotContain("Seq Scan");
        assertThat(QueryPlans.inIndexOrder(database.jdbi(), JdbiPublishedServers.LATEST, name))
                .contains("Index Scan using registrations_latest_name_idx");
    }

    @Test
    void moving_the_latest_flag_touches_only_that_servers_rows_by_index() {
        Map<String, Object> params = Map.of(
                "server_name", "com.plan/server-1234",
                "latest", UUID.randomUUID(),
                "at", Timestamps.of(T0));

        assertThat(QueryPlans.inIndexOrder(database.jdbi(), JdbiPublishedServers.CLEAR_LATEST, params))
                .contains("Index Scan using registrations_latest_name_idx");
        assertThat(QueryPlans.inIndexOrder(database.jdbi(), JdbiPublishedServers.SET_LATEST, params))
                .contains("Index Scan using registrations_pkey");
    }

    /** Every list the MCP Registry API makes: the catalogue, latest versions, one version, changes since, deep. */
    static Stream<Arguments> lists() {
        Optional<VersionSelector> latest = Optional.of(VersionSelector.parse("latest"));
        Optional<VersionSelector> exact = Optional.of(VersionSelector.parse("2.0.0"));
        Optional<ServerListCursor> sinceCursor =
                Optional.of(new ServerListCursor.ByUpdate(Instant.now().minusSeconds(3000), UUID.randomUUID()));
        return Stream.of(
                Arguments.of("catalogue", query(Optional.empty(), false, Optional.empty())),
                Arguments.of("catalogue, deep", query(Optional.empty(), false, DEEP)),
                Arguments.of("catalogue with deleted, deep", query(Optional.empty(), true, DEEP)),
                Arguments.of("latest versions", query(latest, false, Optional.empty())),
                Arguments.of("latest versions, deep", query(latest, false, DEEP)),
                Arguments.of("one version", query(exact, false, Optional.empty())),
                Arguments.of(
                        "changes since",
                        new PublishedServerQuery(
                                Optional.empty(),
                                Optional.empty(),
                                false,
                                Optional.of(Instant.now().minusSeconds(3000)),
                                30,
                                Optional.empty())),
                Arguments.of(
                        "changes since, deep",
                        new PublishedServerQuery(
                                Optional.empty(),
                                Optional.empty(),
                                false,
                                Optional.of(Instant.now().minusSeconds(3000)),
                                30,
                                sinceCursor)));
    }

    /** Searches for a word one server has and for one nearly every server has, first page and deep. */
    static Stream<Arguments> searches() {
        return Stream.of(
                Arguments.of("a rare word", search("quokka", Optional.empty())),
                Arguments.of("a common word", search("ledger", Optional.empty())),
                Arguments.of("a common word, deep", search("ledger", DEEP)));
    }

    private static PublishedServerQuery search(String term, Optional<ServerListCursor> after) {
        return new PublishedServerQuery(Optional.of(term), Optional.empty(), false, Optional.empty(), 30, after);
    }

    // The planner's own choice, no setting changed: the lists in the generic plan PostgreSQL may cache for the
    // statements the driver prepares, searches (planned with their term each time, see CustomPlans) in the plan
    // for their term. Each check is shown to be able to fail: with only the primary key left, the same statement
    // reads the table sequentially.

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void no_list_reads_the_registrations_sequentially_even_in_its_generic_plan(
            String name, PublishedServerQuery query) {
        JdbiPublishedServers.Select select = JdbiPublishedServers.select(query);

        assertThat(QueryPlans.generic(database.jdbi(), select.sql()))
                .contains("Index Scan")
                .doesNotContain("Seq Scan on registrations");
        assertThat(QueryPlans.withoutIndexes(database.jdbi(), "registrations", select.sql(), select.params()))
                .contains("Seq Scan on registrations");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("searches")
    void no_search_reads_the_registrations_sequentially(String name, PublishedServerQuery query) {
        JdbiPublishedServers.Select select = JdbiPublishedServers.select(query);

        assertThat(QueryPlans.chosen(database.jdbi(), select.sql(), select.params()))
                .containsPattern("Index Scan|Bitmap Index Scan")
                .doesNotContain("Seq Scan on registrations");
        assertThat(QueryPlans.withoutIndexes(database.jdbi(), "registrations", select.sql(), select.params()))
                .contains("Seq Scan on registrations");
    }

    @Test
    void a_search_is_planned_for_its_own_term_each_time_while_a_list_is_prepared_once() {
        // One connection, so that everything below runs in the session whose prepared statements are listed.
        try (HikariDataSource oneConnection = PostgresPool.create(database.poolSettings(1, 1))) {
            PostgresAdapters adapters = new PostgresAdapters(oneConnection, TestDatabase.SERVER_JSON);
            for (int i = 0; i < 10; i++) {
                adapters.publishedServers().list(search("quokka", Optional.empty()));
                adapters.publishedServers().list(query(Optional.empty(), false, Optional.empty()));
            }

            List<String> prepared = adapters.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT statement FROM pg_prepared_statements")
                            .mapTo(String.class)
                            .list());

            // A server-side prepared statement may get one generic plan for every term; the search never is one.
            assertThat(prepared)
                    .anyMatch(sql -> sql.contains("published_at IS NOT NULL"))
                    .noneMatch(sql -> sql.contains("LIKE lower("));
        }
    }
}
