package com.mcpregistry.postgres.registration;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.registration.RegistrationStatus;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.port.Cursor;
import com.mcpregistry.port.PageRequest;
import com.mcpregistry.port.out.RegistrationQuery;
import com.mcpregistry.postgres.QueryPlans;
import com.mcpregistry.postgres.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
                        INSERT INTO registrations (id, server_name, version, title, description, endpoint_url,
                            transport, owner_contact, submitter_id, status, reviewed_by, reviewed_at,
                            created_at, updated_at)
                        SELECT gen_random_uuid(), 'com.plan/server-' || n, '1.0.0',
                               CASE WHEN n = 1234 THEN 'Quokka payroll bridge' ELSE 'Server number ' || n END,
                               'Reads and books ledger entries', 'https://plan.example.com/' || n,
                               'streamable-http', 'owner@example.com', s.id,
                               CASE WHEN n % 50 = 0 THEN 'Pending' ELSE 'Approved' END,
                               CASE WHEN n % 50 <> 0 THEN s.id END, CASE WHEN n % 50 <> 0 THEN now() END,
                               now() - n * interval '1 second', now()
                          FROM generate_series(1, 5000) AS n
                          JOIN LATERAL (SELECT (CAST(:submitters AS uuid[]))[n % 50 + 1] AS id) AS s ON true
                        """)
                        .bindArray("submitters", UUID.class, submitters)
                        .execute());
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
        String plan = plan(query(new RegistrationQuery.Everything(), Optional.empty(), Optional.empty()));

        assertThat(plan).contains("registrations_created_idx").doesNotContain("Sort");
    }

    @Test
    void a_page_deep_in_the_list_starts_at_the_cursor_in_the_index() {
        String plan = plan(new RegistrationQuery(
                new RegistrationQuery.Everything(),
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
                query(new RegistrationQuery.Everything(), Optional.of(RegistrationStatus.PENDING), Optional.empty()));

        assertThat(plan).contains("registrations_status_created_idx").doesNotContain("Sort");
    }

    @Test
    void a_submitters_list_reads_the_submitter_index_in_order() {
        String plan = plan(query(new RegistrationQuery.SubmittedBy(submitter), Optional.empty(), Optional.empty()));

        assertThat(plan).contains("registrations_submitter_created_idx").doesNotContain("Sort");
    }

    @Test
    void a_search_uses_the_trigram_index() {
        JdbiRegistrationRepository.Select select = JdbiRegistrationRepository.select(
                query(new RegistrationQuery.Everything(), Optional.empty(), Optional.of("quokka")));

        String plan = QueryPlans.withoutSequentialScans(database.jdbi(), select.sql(), select.params());

        assertThat(plan)
                .contains("BitmapOr")
                .contains("registrations_server_name_trgm_idx")
                .contains("registrations_title_trgm_idx")
                .contains("registrations_description_trgm_idx");
    }
}
