package com.mcpregistry.domain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.Forbidden;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.registration.Fixtures.Role;
import com.mcpregistry.domain.registration.SpecTable.Conflicts;
import com.mcpregistry.domain.registration.SpecTable.Deleted;
import com.mcpregistry.domain.registration.SpecTable.Forbids;
import com.mcpregistry.domain.registration.SpecTable.Leads;
import com.mcpregistry.domain.registration.SpecTable.Outcome;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class WorkflowTest {

    static Stream<Arguments> everyStatusActionAndRole() {
        List<Arguments> cells = new ArrayList<>();
        for (RegistrationStatus from : RegistrationStatus.values()) {
            for (Action action : Action.values()) {
                for (Role role : Role.values()) {
                    cells.add(Arguments.of(from, action, role, SpecTable.outcome(from, action, role)));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} × {1} by {2} → {3}")
    @MethodSource("everyStatusActionAndRole")
    void permit_follows_the_specified_transition_table(
            RegistrationStatus from, Action action, Role role, Outcome expected) {
        UserId submitter = UserId.random();
        Actor actor = role.actorFor(submitter);

        if (expected instanceof Leads leads) {
            Workflow.Transition transition = Workflow.permit(from, action, actor, Fixtures.ownedBy(submitter));
            assertThat(transition.from()).isEqualTo(from);
            assertThat(transition.action()).isEqualTo(action);
            assertThat(transition.to()).isEqualTo(leads.to());
        } else if (expected instanceof Deleted) {
            Workflow.Transition transition = Workflow.permit(from, action, actor, Fixtures.ownedBy(submitter));
            assertThat(transition.action()).isEqualTo(Action.DELETE);
            assertThat(transition.to()).as("a soft delete keeps the status").isEqualTo(from);
        } else if (expected instanceof Conflicts) {
            assertThatThrownBy(() -> Workflow.permit(from, action, actor, Fixtures.ownedBy(submitter)))
                    .isInstanceOf(Conflict.class);
        } else if (expected instanceof Forbids) {
            assertThatThrownBy(() -> Workflow.permit(from, action, actor, Fixtures.ownedBy(submitter)))
                    .isInstanceOf(Forbidden.class);
        }
    }

    static Stream<Arguments> everyPairOfStatuses() {
        List<Arguments> pairs = new ArrayList<>();
        for (RegistrationStatus from : RegistrationStatus.values()) {
            for (RegistrationStatus to : RegistrationStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("everyPairOfStatuses")
    void actionReaching_names_the_review_step_between_two_statuses(RegistrationStatus from, RegistrationStatus to) {
        if (to == RegistrationStatus.PENDING) {
            assertThatThrownBy(() -> Workflow.actionReaching(from, to))
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            e -> assertThat(e.errors())
                                    .singleElement()
                                    .satisfies(
                                            error -> assertThat(error.field()).isEqualTo("status")));
            return;
        }
        Optional<Action> expected = SpecTable.actionReaching(from, to);
        if (expected.isPresent()) {
            assertThat(Workflow.actionReaching(from, to)).isEqualTo(expected.get());
        } else {
            assertThatThrownBy(() -> Workflow.actionReaching(from, to)).isInstanceOf(Conflict.class);
        }
    }

    @Test
    void approving_a_rejected_registration_is_a_conflict() {
        assertThatThrownBy(() -> Workflow.actionReaching(RegistrationStatus.REJECTED, RegistrationStatus.APPROVED))
                .isInstanceOf(Conflict.class);
        UserId submitter = UserId.random();
        assertThatThrownBy(() -> Workflow.permit(
                        RegistrationStatus.REJECTED,
                        Action.APPROVE,
                        new Actor(UserId.random(), true),
                        Fixtures.ownedBy(submitter)))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void deprecated_to_approved_is_reactivation_not_approval() {
        assertThat(Workflow.actionReaching(RegistrationStatus.DEPRECATED, RegistrationStatus.APPROVED))
                .isEqualTo(Action.REACTIVATE);
        assertThat(Workflow.actionReaching(RegistrationStatus.PENDING, RegistrationStatus.APPROVED))
                .isEqualTo(Action.APPROVE);
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void only_reject_and_deprecate_need_a_reason(Action action) {
        assertThat(action.needsReason()).isEqualTo(SpecTable.needsReason(action));
    }

    @Test
    void actions_have_the_wire_names_of_the_audit_trail() {
        assertThat(Stream.of(Action.values()).map(Action::wireName))
                .containsExactly("submit", "edit", "approve", "reject", "deprecate", "reactivate", "delete");
    }
}
