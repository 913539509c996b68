package com.mcpregistry.postgres.checks;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.postgres.QueryPlans;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.postgres.shared.Timestamps;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Leasing, a registration's recent checks, the trim of a remote's history and the statuses of a page of registrations
 * are each served by an index.
 */
class CheckQueryPlanTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    private static UUID registration;

    @BeforeAll
    static void givenManyScheduledRemotesAndChecks() {
        var submitter = database.adapters().users().save(Fixtures.user());
        String namespace = Fixtures.namespace();
        Registration stored = Fixtures.pending(
                submitter.id(), namespace + "/s", "1.0.0", "https://" + namespace + ".example.com/", T0);
        database.adapters().registrations().insert(stored);
        registration = stored.id().value();
        // As in production: most remotes are due later, a few now, many (checked once) never again; each with a
        // history of checks.
        database.jdbi()
                .useHandle(handle -> handle.createUpdate("""
                        INSERT INTO check_schedule (registration_id, remote_url, transport, next_due_at, periodic)
                        SELECT :registration, 'https://r' || n || '.example.com/mcp', 'streamable-http',
                               CASE WHEN n % 3 <> 0 THEN now() + (n % 900) * interval '1 second' END, n % 3 <> 0
                          FROM generate_series(1, 20000) AS n;
                        INSERT INTO remote_checks (registration_id, remote_url, checked_at, outcome, latency_micros,
                                                   tools_sha256, prompts, resources)
                        SELECT :registration, 'https://r' || (n % 2000) || '.example.com/mcp',
                               now() - n * interval '1 second', 'timeout', 20000000, repeat('0', 64), 0, 0
                          FROM generate_series(1, 20000) AS n
                        """)
                        .bind("registration", registration)
                        .execute());
    }

    @Test
    void a_lease_reads_the_due_index_in_due_order() {
        String plan = QueryPlans.chosen(
                database.jdbi(),
                JdbiCheckRepository.LEASE,
                Map.of(
                        "now",
                        Timestamps.of(T0),
                        "leased_until",
                        Timestamps.of(T0.plusSeconds(120)),
                        "instance",
                        "a",
                        "limit",
                        10));

        assertThat(plan).contains("check_schedule_due_idx").contains("LockRows").doesNotContain("Sort");
    }

    /** As the driver prepares it after a few leases: the partial due index still serves any time given. */
    @Test
    void a_prepared_lease_reads_the_due_index_for_any_time() {
        assertThat(QueryPlans.generic(database.jdbi(), JdbiCheckRepository.LEASE))
                .contains("check_schedule_due_idx")
                .doesNotContain("Sort");
    }

    @Test
    void the_statuses_of_a_page_of_registrations_are_read_by_the_schedules_key() {
        assertThat(QueryPlans.inIndexOrder(
                        database.jdbi(),
                        JdbiCheckRepository.STATUSES,
                        Map.of("registration_ids", new UUID[] {registration, UUID.randomUUID()})))
                .contains("check_schedule_pkey")
                .contains("approval_snapshots_pkey");
    }

    @Test
    void the_recent_checks_of_a_registration_come_from_its_index_newest_first() {
        assertThat(QueryPlans.inIndexOrder(
                        database.jdbi(),
                        JdbiCheckRepository.RECENT,
                        Map.of("registration_id", registration, "limit", 100)))
                .contains("remote_checks_registration_newest_idx")
                .doesNotContain("Sort");
    }

    @Test
    void the_trim_of_a_remotes_history_reads_that_remotes_index() {
        assertThat(QueryPlans.inIndexOrder(
                        database.jdbi(),
                        JdbiCheckRepository.TRIM,
                        Map.of(
                                "registration_id",
                                registration,
                                "remote_url",
                                "https://r7.example.com/mcp",
                                "keep",
                                100)))
                .contains("remote_checks_remote_newest_idx")
                .doesNotContain("Sort");
    }
}
