package com.mcpregistry.domain.registration;

import static com.mcpregistry.domain.registration.Action.Effect.CLEAR;
import static com.mcpregistry.domain.registration.Action.Effect.KEEP;
import static com.mcpregistry.domain.registration.Action.Effect.RECORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.registration.Action.Effect;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionTest {

    @ParameterizedTest(name = "{0}: reason {1}, review {2}, deleted at {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # action    | status reason | review | deleted at
            SUBMIT      | CLEAR         | CLEAR  | CLEAR
            EDIT        | CLEAR         | CLEAR  | CLEAR
            APPROVE     | CLEAR         | RECORD | CLEAR
            REJECT      | RECORD        | RECORD | CLEAR
            DEPRECATE   | RECORD        | RECORD | CLEAR
            REACTIVATE  | CLEAR         | RECORD | CLEAR
            DELETE      | KEEP          | KEEP   | RECORD
            """)
    void each_action_has_its_effects_on_the_review_fields(
            Action action, Effect statusReason, Effect review, Effect deletedAt) {
        assertThat(action.statusReason()).isEqualTo(statusReason);
        assertThat(action.review()).isEqualTo(review);
        assertThat(action.deletedAt()).isEqualTo(deletedAt);
    }

    @Test
    void an_effect_records_keeps_or_clears_a_field() {
        Optional<String> current = Optional.of("current");
        Optional<String> recorded = Optional.of("recorded");

        assertThat(RECORD.apply(current, recorded)).isEqualTo(recorded);
        assertThat(KEEP.apply(current, recorded)).isEqualTo(current);
        assertThat(CLEAR.apply(current, recorded)).isEmpty();
    }

    @Test
    void the_reviews_are_approve_reject_deprecate_and_reactivate() {
        assertThat(Arrays.stream(Action.values()).filter(Action::isReview))
                .containsExactly(Action.APPROVE, Action.REJECT, Action.DEPRECATE, Action.REACTIVATE);
    }

    @Test
    void rejecting_and_deprecating_need_a_reason_and_nothing_else_does() {
        assertThat(Arrays.stream(Action.values()).filter(Action::needsReason))
                .containsExactly(Action.REJECT, Action.DEPRECATE);
    }

    @Test
    void only_delete_deletes() {
        assertThat(Arrays.stream(Action.values()).filter(Action::deletes)).containsExactly(Action.DELETE);
    }

    @Test
    void each_action_is_audited_under_its_own_audit_action_and_wire_name() {
        assertThat(Arrays.stream(Action.values()).map(Action::auditAction))
                .doesNotHaveDuplicates()
                .doesNotContain(AuditAction.ADMIN_GRANTED, AuditAction.ADMIN_REVOKED);
        for (Action action : Action.values()) {
            assertThat(action.wireName())
                    .isEqualTo(action.auditAction().wireName())
                    .isEqualTo(action.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
