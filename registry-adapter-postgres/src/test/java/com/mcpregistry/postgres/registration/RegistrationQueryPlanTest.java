package com.mcpregistry.postgres.registration;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.paging.Cursor;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.postgres.Changelog;
import com.mcpregistry.postgres.PlainSqlDocuments;
import com.mcpregistry.postgres.PostgresAdapters;
import com.mcpregistry.postgres.PostgresPool;
import com.mcpregistry.postgres.QueryPlans;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.registration.port.out.RegistrationQuery;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every list of registrations can be served by an index in keyset order: no OFFSET, no scan of the table. */
class RegistrationQueryPlanTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    private static UserId submitter;

    @BeforeAll
    static void givenThousandsOfRegistrationsOfManySubmitters() {
        List<UUID> submitters = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            submitters.add(
                    database.adapters().users().save(Fixtures.user()).id().value());
        }
        submitter = new UserId(submitters.get(0));
        // Enough rows that reading a whole index costs more than the right one, as it does in production.
        database.jdbi()
                .useHandle(handle -> handle.createUpdate("""
                        INSERT INTO registrations (id, server_name, version, title, description, server_json,
                            owner_contact, submitter_id, status, reviewed_by, reviewed_at, created_at, updated_at)
                        SELECT gen_random_uuid(), name, '1.0.0', title, 'Reads and books ledger entries',
                               <document>,
                               'owner@example.com', s.id,
                               CASE WHEN n % 50 = 0 THEN 'Pending' ELSE 'Approved' END,
                               CASE WHEN n % 50 <> 0 THEN s.id END, CASE WHEN n % 50 <> 0 THEN now() END,
                               now() - n * interval '1 second', now()
                          FROM generate_series(1, 5000) AS n
                          JOIN LATERAL (SELECT (CAST(:submitters AS uuid[]))[n % 50 + 1] AS id) AS s ON true
                         CROSS JOIN LATERAL (SELECT 'com.plan/server-' || n AS name,
                               CASE WHEN n = 1234 THEN 'Quokka payroll bridge' ELSE 'Server number ' || n END AS title)
                               AS row
                        """.replace(
                                        "<document>",
                                        PlainSqlDocuments.oneRemote(
                                                "name",
                                                "'1.0.0'",
                                                "title",
                                                "'Reads and books ledger entries'",
                                                "'https://plan.example.com/' || n")))
                        .bindArray("submitters", UUID.class, submitters)
                        .execute());
        // Each server owned by its submitter, as changeset 018 and the registration service leave it.
        database.jdbi()
                .useHandle(handle -> handle.execute(Changelog.backfill("018-server-owners-and-namespace-claims")));
    }

    private static String plan(RegistrationQuery query) {
        JdbiRegistrationRepository.Select select = JdbiRegistrationRepository.select(query);
        return QueryPlans.inIndexOrder(database.jdbi(), select.sql(), select.params());
    }

    private static RegistrationQuery query(
            RegistrationQuery.Scope scope, Optional<RegistrationStatus> status, Optional<String> search) {
        return new RegistrationQuery(scope, status, search, PageRequest.first(20));
    }

    @Test
    void the_newest_registrations_come_from_the_creation_time_index_already_in_order() {
        String plan = plan(query(Fixtures.visibleToAnAdministrator(), Optional.empty(), Optional.empty()));

        assertThat(plan).contains("registrations_created_idx").doesNotContain("Sort");
    }

    @Test
    void a_page_deep_in_the_list_starts_at_the_cursor_in_the_index() {
        String plan = plan(new RegistrationQuery(
                Fixtures.visibleToAnAdministrator(),
                Optional.empty(),
                Optional.empty(),
                new PageRequest(20, Optional.of(new Cursor(T0.plusSeconds(150), UUID.randomUUID())))));

        assertThat(plan)
                .contains("Index Scan using registrations_created_idx")
                .contains("Index Cond: (ROW(created_at, id) <")
                .doesNotContain("Sort");
    }

    @Test
    void a_status_filter_reads_the_status_index_in_order() {
        String plan = plan(
                query(Fixtures.visibleToAnAdministrator(), Optional.of(RegistrationStatus.PENDING), Optional.empty()));

        assertThat(plan).contains("registrations_status_created_idx").doesNotContain("Sort");
    }

    @Test
    void an_ordinary_readers_first_page_reads_the_creation_index_in_order() {
        JdbiRegistrationRepository.Select select = JdbiRegistrationRepository.select(
                query(Fixtures.visibleToUser(submitter), Optional.empty(), Optional.empty()));

        assertThat(QueryPlans.chosen(database.jdbi(), select.sql(), select.params()))
                .contains("Index Scan using registrations_created_idx")
                .doesNotContain("Sort")
                .doesNotContain("Seq Scan on registrations");
    }

    @Test
    void a_readers_own_list_reads_their_submissions_in_order_and_each_server_they_own_by_its_name() {
        String plan = plan(query(Fixtures.mineOf(submitter), Optional.empty(), Optional.empty()));

        assertThat(plan)
                .contains("Index Scan using registrations_submitter_created_idx")
                .contains("using registrations_server_name_newest_idx")
                .doesNotContain("Seq Scan on registrations");
    }

    @Test
    void a_search_uses_the_trigram_index() {
        JdbiRegistrationRepository.Select select = JdbiRegistrationRepository.select(
                query(Fixtures.visibleToAnAdministrator(), Optional.empty(), Optional.of("quokka")));

        String plan = QueryPlans.withoutSequentialScans(database.jdbi(), select.sql(), select.params());

        assertThat(plan)
                .contains("BitmapOr")
                .contains("registrations_search_name_trgm_idx")
                .contains("registrations_search_title_trgm_idx")
                .contains("registrations_search_description_trgm_idx");
    }

    @Test
    void a_common_word_is_looked_for_in_the_creation_index_alone_and_only_the_pages_rows_are_read_from_the_table() {
        for (RegistrationQuery.Scope scope :
                List.of(Fixtures.visibleToAnAdministrator(), Fixtures.visibleToUser(submitter))) {
            JdbiRegistrationRepository.Select select =
                    JdbiRegistrationRepository.select(query(scope, Optional.empty(), Optional.of("ledger")));

            assertThat(QueryPlans.analyzed(database.jdbi(), select.sql(), select.params()))
                    .contains("Index Only Scan using registrations_created_idx")
                    .contains("Heap Fetches: 0")
                    .contains("Index Cond: (id = ANY")
                    .doesNotContain("trgm");
        }
    }

    @Test
    void a_search_is_planned_for_its_own_term_each_time_while_a_list_is_prepared_once() {
        // One connection, so that everything below runs in the session whose prepared statements are listed.
        try (HikariDataSource oneConnection = PostgresPool.create(database.poolSettings(1, 1))) {
            PostgresAdapters adapters = new PostgresAdapters(oneConnection, TestDatabase.SERVER_JSON);
            RegistrationQuery search =
                    query(Fixtures.visibleToAnAdministrator(), Optional.empty(), Optional.of("quokka"));
            RegistrationQuery list = query(
                    Fixtures.visibleToAnAdministrator(), Optional.of(RegistrationStatus.APPROVED), Optional.empty());
            for (int i = 0; i < 10; i++) {
                adapters.registrations().find(search);
                adapters.registrations().find(list);
            }

            List<String> prepared = adapters.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT statement FROM pg_prepared_statements")
                            .mapTo(String.class)
                            .list());

            // A server-side prepared statement may get one generic plan for every term; the search never is one.
            assertThat(prepared)
                    .anyMatch(sql -> sql.contains("status = $"))
                    .noneMatch(sql -> sql.contains("LIKE lower("));
        }
    }

    /** Every list the API makes: as administrator, as a user (published or own), a user's own, with a status, deep. */
    static Stream<Arguments> lists() {
        UserId viewer = submitter;
        Optional<Cursor> deep = Optional.of(new Cursor(T0.plusSeconds(150), UUID.randomUUID()));
        RegistrationQuery.Scope everything = Fixtures.visibleToAnAdministrator();
        RegistrationQuery.Scope published = Fixtures.visibleToUser(viewer);
        RegistrationQuery.Scope own = Fixtures.mineOf(viewer);
        Optional<RegistrationStatus> approved = Optional.of(RegistrationStatus.APPROVED);
        return Stream.of(
                Arguments.of(
                        "everything", new RegistrationQuery(everything, Optional.empty(), Optional.empty(), first())),
                Arguments.of(
                        "everything, deep",
                        new RegistrationQuery(everything, Optional.empty(), Optional.empty(), after(deep))),
                Arguments.of(
                        "everything, approved", new RegistrationQuery(everything, approved, Optional.empty(), first())),
                Arguments.of(
                        "published or own",
                        new RegistrationQuery(published, Optional.empty(), Optional.empty(), first())),
                Arguments.of(
                        "published or own, approved",
                        new RegistrationQuery(published, approved, Optional.empty(), first())),
                Arguments.of(
                        "published or own, approved, deep",
                        new RegistrationQuery(published, approved, Optional.empty(), after(deep))),
                Arguments.of("own", new RegistrationQuery(own, Optional.empty(), Optional.empty(), first())),
                Arguments.of("own, deep", new RegistrationQuery(own, Optional.empty(), Optional.empty(), after(deep))));
    }

    /** Searches for a word one registration has and for one every registration has, as administrator and as a user. */
    static Stream<Arguments> searches() {
        RegistrationQuery.Scope everything = Fixtures.visibleToAnAdministrator();
        RegistrationQuery.Scope published = Fixtures.visibleToUser(submitter);
        return Stream.of(
                Arguments.of(
                        "a rare word",
                        new RegistrationQuery(everything, Optional.empty(), Optional.of("quokka"), first())),
                Arguments.of(
                        "a rare word, as a user",
                        new RegistrationQuery(published, Optional.empty(), Optional.of("quokka"), first())),
                Arguments.of(
                        "a common word",
                        new RegistrationQuery(everything, Optional.empty(), Optional.of("number"), first())),
                Arguments.of(
                        "a common word, as a user",
                        new RegistrationQuery(published, Optional.empty(), Optional.of("number"), first())));
    }

    private static PageRequest first() {
        return PageRequest.first(20);
    }

    private static PageRequest after(Optional<Cursor> cursor) {
        return new PageRequest(20, cursor);
    }

    // The planner's own choices, no setting changed, with thousands of rows: the statements the driver prepares
    // on the server (every list) in the generic plan PostgreSQL may cache for them, searches (planned with their
    // term each time, see CustomPlans) in the plan for their term. Each check is shown to be able to fail: with
    // only the primary key left, the same statement reads the table sequentially.

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void no_list_reads_the_registrations_sequentially_even_in_its_generic_plan(String name, RegistrationQuery query) {
        JdbiRegistrationRepository.Select select = JdbiRegistrationRepository.select(query);

        assertThat(QueryPlans.generic(database.jdbi(), select.sql()))
                .contains("Index Scan")
                .doesNotContain("Seq Scan on registrations");
        assertThat(QueryPlans.withoutIndexes(database.jdbi(), "registrations", select.sql(), select.params()))
                .contains("Seq Scan on registrations");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("searches")
    void no_search_reads_the_registrations_sequentially(String name, RegistrationQuery query) {
        JdbiRegistrationRepository.Select select = JdbiRegistrationRepository.select(query);

        assertThat(QueryPlans.chosen(database.jdbi(), select.sql(), select.params()))
                .containsPattern("Index Scan|Bitmap Index Scan")
                .doesNotContain("Seq Scan on registrations");
        assertThat(QueryPlans.withoutIndexes(database.jdbi(), "registrations", select.sql(), select.params()))
                .contains("Seq Scan on registrations");
    }
}
