package com.mcpregistry.postgres.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.error.Unavailable;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.postgres.PlainSqlDocuments;
import com.mcpregistry.postgres.QueryPlans;
import com.mcpregistry.postgres.TableLock;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.postgres.shared.SearchStatements;
import com.mcpregistry.publication.PublishedServerQuery;
import com.mcpregistry.registration.port.out.RegistrationQuery;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every search costs a bounded amount of database time: a term no trigram index can serve is refused before it
 * reaches the database, every term that is let through is served by an index (never a scan of the table), and any
 * search that still runs past its budget is cancelled.
 */
class SearchBoundsTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    /** Issue 11's terms, which read all million rows, and their kin. */
    private static final String[] UNSERVABLE = {"%", "--", "zq", "é", "%_%_%_%_%_%_%_%_%_%_", "_", "\\", "a-b"};

    @BeforeAll
    static void givenTwentyThousandPublishedRegistrations() {
        UUID submitter = database.adapters().users().save(Fixtures.user()).id().value();
        // Enough rows that reading all of them costs far more than an index: the planner then shows which it can use.
        database.jdbi()
                .useHandle(handle -> handle.createUpdate("""
                        INSERT INTO registrations (id, server_name, version, title, description, server_json,
                            owner_contact, submitter_id, status, reviewed_by, reviewed_at, created_at, updated_at,
                            published_at, is_latest)
                        SELECT gen_random_uuid(), name, '1.0.0', title, description,
                               <document>,
                               'owner@example.com', :submitter,
                               'Approved', :submitter, now(), now() - n * interval '1 second', now(),
                               now() - n * interval '1 second', true
                          FROM generate_series(1, 20000) AS n
                         CROSS JOIN LATERAL (SELECT 'com.bounds/server-' || n AS name, 'Server number ' || n AS title,
                               CASE n % 4 WHEN 0 THEN 'Reads ledger entries' WHEN 1 THEN 'Books 100% of payroll'
                                          WHEN 2 THEN 'Café ééé menus' ELSE 'Tracks --flags-- and a_b_cde' END
                                   AS description) AS row
                        """.replace(
                                        "<document>",
                                        PlainSqlDocuments.oneRemote(
                                                "name",
                                                "'1.0.0'",
                                                "title",
                                                "description",
                                                "'https://bounds.example.com/' || n")))
                        .bind("submitter", submitter)
                        .execute());
    }

    private static RegistrationQuery registrations(String term) {
        return new RegistrationQuery(
                Fixtures.visibleToAnAdministrator(), Optional.empty(), Optional.of(term), PageRequest.first(20));
    }

    private static PublishedServerQuery servers(String term) {
        return new PublishedServerQuery(
                Optional.of(term), Optional.empty(), false, Optional.empty(), 30, Optional.empty());
    }

    @Test
    void a_term_no_trigram_index_can_serve_is_refused_before_it_reaches_the_database() {
        for (String term : UNSERVABLE) {
            assertThatThrownBy(() -> database.adapters().registrations().find(registrations(term)))
                    .as(term)
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("search");
            assertThatThrownBy(() -> database.adapters().publishedServers().list(servers(term)))
                    .as(term)
                    .isInstanceOf(InvalidInput.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"%zq%", "%--%", "%\\%\\_%"})
    void such_a_term_could_only_be_answered_by_reading_every_row(String pattern) {
        // The statements of a servable term with an unservable one's pattern: what the refusal spares the database.
        // No index narrows the rows; a term matching few or none reads them all, in whatever order.
        assertThat(plans("ledger", Map.of("pattern", pattern)))
                .allSatisfy(plan -> assertThat(plan).doesNotContain("trgm").contains("Filter"));
    }

    /**
     * Terms just inside the rule that match nothing: read in creation or name order, they would read every row, so
     * the trigram indexes must find them (letters beyond ASCII included, as in a UTF-8 database).
     */
    @ParameterizedTest
    @ValueSource(strings = {"zqx", "%_%_zqx", "xyzzy-42", "ñandú", "--zqx--"})
    void a_rare_term_let_through_is_found_by_the_trigram_indexes(String term) {
        assertThat(plans(term, Map.of()))
                .allSatisfy(plan -> assertThat(plan).contains("trgm").doesNotContain("Seq Scan"));
    }

    /** Terms inside the rule that a quarter of the rows hold: read in list order, a page fills at once. */
    @ParameterizedTest
    @ValueSource(strings = {"ééé", "café", "100%", "--flags--", "a_b_cde", "ledger"})
    void a_common_term_let_through_is_served_by_an_index_not_a_scan_of_the_table(String term) {
        assertThat(plans(term, Map.of()))
                .allSatisfy(plan -> assertThat(plan).contains("Index").doesNotContain("Seq Scan"));
    }

    @Test
    void a_search_that_runs_past_its_budget_is_cancelled_and_reported_unavailable() {
        JdbiRegistrationRepository repository = new JdbiRegistrationRepository(
                database.jdbi(), new SearchStatements(Duration.ofMillis(200)), TestDatabase.SERVER_JSON);
        JdbiPublishedServers published = new JdbiPublishedServers(
                database.jdbi(), new SearchStatements(Duration.ofMillis(200)), TestDatabase.SERVER_JSON);
        // Another session holds the table: any search now waits, as a search reading a million rows would run on.
        try (TableLock held = TableLock.hold(database.jdbi(), "registrations")) {
            assertThatThrownBy(() -> repository.find(registrations("ledger")))
                    .isInstanceOf(Unavailable.class)
                    .hasMessageContaining("longer than 200 ms");
            assertThatThrownBy(() -> published.list(servers("ledger")))
                    .isInstanceOf(Unavailable.class)
                    .hasMessageContaining("longer than 200 ms");
        }
        assertThat(repository.find(registrations("ledger")).items()).hasSize(20);
    }

    /**
     * The plans PostgreSQL picks by itself for the search of {@code term} on the registry API and on the MCP Registry
     * API, with some of the statements' parameters {@code changed}.
     */
    private static List<String> plans(String term, Map<String, Object> changed) {
        JdbiRegistrationRepository.Select seed = JdbiRegistrationRepository.select(registrations(term));
        JdbiPublishedServers.Select catalogue = JdbiPublishedServers.select(servers(term));
        return List.of(
                QueryPlans.chosen(database.jdbi(), seed.sql(), changed(seed.params(), changed)),
                QueryPlans.chosen(database.jdbi(), catalogue.sql(), changed(catalogue.params(), changed)));
    }

    private static Map<String, Object> changed(Map<String, Object> params, Map<String, Object> changes) {
        Map<String, Object> changed = new HashMap<>(params);
        changed.putAll(changes);
        return changed;
    }
}
