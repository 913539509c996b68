package com.mcpregistry.postgres.audit;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.registration.RegistrationId;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.port.PageRequest;
import com.mcpregistry.port.out.AuditQuery;
import com.mcpregistry.postgres.QueryPlans;
import com.mcpregistry.postgres.TestDatabase;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every audit filter can be served by an index in keyset order. */
class AuditQueryPlanTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    @BeforeAll
    static void givenEvents() {
        JdbiAuditTrail trail = database.adapters().auditTrail();
        for (int i = 0; i < 300; i++) {
            trail.append(Fixtures.event(
                    UserId.random(), "action_" + (i % 7), Optional.of(RegistrationId.random()), T0.plusSeconds(i)));
        }
    }

    private static String plan(Optional<UserId> actor, Optional<String> action, Optional<RegistrationId> registration) {
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
        assertThat(plan(Optional.empty(), Optional.of("action_3"), Optional.empty()))
                .contains("audit_log_action_at_idx")
                .doesNotContain("Sort");
    }

    @Test
    void a_registration_filter_reads_the_registration_index() {
        assertThat(plan(Optional.empty(), Optional.empty(), Optional.of(RegistrationId.random())))
                .contains("audit_log_registration_idx");
    }
}
