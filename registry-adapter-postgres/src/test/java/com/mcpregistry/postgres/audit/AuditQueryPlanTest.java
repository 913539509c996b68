package com.mcpregistry.postgres.audit;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.postgres.QueryPlans;
import com.mcpregistry.postgres.TestDatabase;
import java.time.Instant;
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

/** Every audit filter can be served by an index in keyset order. */
class AuditQueryPlanTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    @BeforeAll
    static void givenEvents() {
        JdbiAuditTrail trail = database.adapters().auditTrail();
        for (int i = 0; i < 300; i++) {
            trail.append(Fixtures.event(
                    UserId.random(),
                    AuditAction.values()[i % AuditAction.values().length],
                    Optional.of(RegistrationId.random()),
                    T0.plusSeconds(i)));
        }
        // And enough events that reading the whole trail costs more than the right index, as it does in production
        // (their hashes need not chain: only the plans are looked at here).
        database.jdbi().useHandle(handle -> handle.execute("""
                        INSERT INTO audit_log (id, at, actor_id, action, registration_id, to_status, prev_hash, hash)
                        SELECT gen_random_uuid(), now() - n * interval '1 second', gen_random_uuid(), 'imported',
                               gen_random_uuid(), 'Pending', encode(sha256(('prev' || n)::bytea), 'hex'),
                               encode(sha256(('hash' || n)::bytea), 'hex')
                          FROM generate_series(1, 20000) AS n
                        """));
    }

    private static String plan(
            Optional<UserId> actor, Optional<AuditAction> action, Optional<RegistrationId> registration) {
        JdbiAuditTrail.Select select = JdbiAuditTrail.select(
                new AuditQuery(actor, action, registration, Optional.empty(), PageRequest.first(20)));
        return QueryPlans.inIndexOrder(database.jdbi(), select.sql(), select.params());
    }

    @Test
    void the_newest_events_come_from_the_time_index_already_in_order() {
        assertThat(plan(Optional.empty(), Optional.empty(), Optional.empty()))
                .contains("audit_log_at_idx")
                .doesNotContain("Sort");
    }

    @Test
    void an_actor_filter_reads_the_actor_index_in_order() {
        assertThat(plan(Optional.of(UserId.random()), Optional.empty(), Optional.empty()))
                .contains("audit_log_actor_at_idx")
                .doesNotContain("Sort");
    }

    @Test
    void an_action_filter_reads_the_action_index_in_order() {
        assertThat(plan(Optional.empty(), Optional.of(AuditAction.REJECT), Optional.empty()))
                .contains("audit_log_action_at_idx")
                .doesNotContain("Sort");
    }

    @Test
    void a_registration_filter_reads_the_registration_index() {
        assertThat(plan(Optional.empty(), Optional.empty(), Optional.of(RegistrationId.random())))
                .contains("audit_log_registration_idx");
    }

    /** Every filter of GET /audit, the registration history and the chain's newest hash. */
    static Stream<Arguments> reads() {
        return Stream.of(
                Arguments.of(
                        "everything", select(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())),
                Arguments.of(
                        "by actor",
                        select(Optional.of(UserId.random()), Optional.empty(), Optional.empty(), Optional.empty())),
                Arguments.of(
                        "by action",
                        select(Optional.empty(), Optional.of(AuditAction.REJECT), Optional.empty(), Optional.empty())),
                Arguments.of(
                        "by registration",
                        select(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(RegistrationId.random()),
                                Optional.empty())),
                Arguments.of("since", select(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(T0))),
                Arguments.of(
                        "history",
                        new JdbiAuditTrail.Select(JdbiAuditTrail.HISTORY, Map.of("registration", UUID.randomUUID()))),
                Arguments.of("newest link", new JdbiAuditTrail.Select(JdbiAuditTrail.LAST_LINK, Map.of())));
    }

    private static JdbiAuditTrail.Select select(
            Optional<UserId> actor,
            Optional<AuditAction> action,
            Optional<RegistrationId> registration,
            Optional<Instant> since) {
        return JdbiAuditTrail.select(new AuditQuery(actor, action, registration, since, PageRequest.first(20)));
    }

    // The planner's own choice for the statements the driver prepares on the server, in the generic plan that
    // PostgreSQL may cache for them, at a size where a missing index would show; and, to show that the check can
    // fail, the same statements with only the primary key left.
    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void no_audit_read_scans_the_trail_sequentially_even_in_its_generic_plan(
            String name, JdbiAuditTrail.Select select) {
        assertThat(QueryPlans.generic(database.jdbi(), select.sql()))
                .contains("Index")
                .doesNotContain("Seq Scan on audit_log");
        assertThat(QueryPlans.withoutIndexes(database.jdbi(), "audit_log", select.sql(), select.params()))
                .contains("Seq Scan on audit_log");
    }
}
