package com.mcpregistry.domain.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.Forbidden;
import com.mcpregistry.domain.registration.Action;
import com.mcpregistry.domain.registration.Workflow;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.GroupId;
import com.mcpregistry.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OwnershipTest {
    static final ServerName LEDGER = new ServerName("com.contoso.finance/ledger-tools");
    static final GroupId FINANCE = GroupId.parse("group", "6F1C2A3B-0000-4000-8000-00000000000A");
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    final Actor ann = new Actor(UserId.random(), false);
    final Actor bob = new Actor(UserId.random(), false);
    final Actor admin = new Actor(UserId.random(), true);
    final Actor financeMember = new Actor(UserId.random(), false, Set.of(FINANCE), false);
    final Actor overage = new Actor(UserId.random(), false, Set.of(), true);

    static Owners owners(Owner... owners) {
        return new Owners(List.of(owners));
    }

    static NamespaceClaim claim(String prefix, Owners owners) {
        return new NamespaceClaim(new NamespacePrefix(prefix), owners, Optional.empty(), NOW);
    }

    @Nested
    class Submitting {
        @ParameterizedTest
        @EnumSource(NamespacePolicy.class)
        void the_first_submitter_of_an_unclaimed_name_becomes_its_owner_when_the_policy_is_open(
                NamespacePolicy policy) {
            if (policy == NamespacePolicy.OPEN) {
                assertThat(Ownership.admitSubmission(ann, LEDGER, Optional.empty(), Optional.empty(), policy))
                        .isEqualTo(owners(Owner.user(ann.userId())));
            } else {
                assertThatThrownBy(() ->
                                Ownership.admitSubmission(ann, LEDGER, Optional.empty(), Optional.empty(), policy))
                        .isInstanceOf(Forbidden.class)
                        .hasMessageContaining("NAMESPACE_POLICY is claimed")
                        .hasMessageContaining("com.contoso.finance");
            }
        }

        @Test
        void an_administrator_may_submit_a_new_unclaimed_name_under_the_claimed_policy() {
            assertThat(Ownership.admitSubmission(
                            admin, LEDGER, Optional.empty(), Optional.empty(), NamespacePolicy.CLAIMED))
                    .isEqualTo(owners(Owner.user(admin.userId())));
        }

        @Test
        void only_owners_and_administrators_submit_versions_of_an_existing_server() {
            Optional<Owners> annOwns = Optional.of(owners(Owner.user(ann.userId())));

            assertThat(Ownership.admitSubmission(ann, LEDGER, annOwns, Optional.empty(), NamespacePolicy.OPEN))
                    .isEqualTo(annOwns.get());
            assertThat(Ownership.admitSubmission(admin, LEDGER, annOwns, Optional.empty(), NamespacePolicy.OPEN))
                    .isEqualTo(annOwns.get());
            assertThatThrownBy(() ->
                            Ownership.admitSubmission(bob, LEDGER, annOwns, Optional.empty(), NamespacePolicy.OPEN))
                    .isInstanceOfSatisfying(
                            NotAnOwner.class, e -> assertThat(e.owners()).isEqualTo(annOwns.get()))
                    .hasMessageContaining("only the owners of com.contoso.finance/ledger-tools");
        }

        @Test
        void a_member_of_an_owning_group_submits_and_an_overage_token_is_told_why_it_may_not() {
            Optional<Owners> financeOwns = Optional.of(owners(Owner.group(FINANCE)));

            assertThat(Ownership.admitSubmission(
                            financeMember, LEDGER, financeOwns, Optional.empty(), NamespacePolicy.OPEN))
                    .isEqualTo(financeOwns.get());
            assertThatThrownBy(() -> Ownership.admitSubmission(
                            overage, LEDGER, financeOwns, Optional.empty(), NamespacePolicy.OPEN))
                    .isInstanceOf(NotAnOwner.class)
                    .hasMessageContaining("groups overage");
            assertThatThrownBy(() ->
                            Ownership.admitSubmission(bob, LEDGER, financeOwns, Optional.empty(), NamespacePolicy.OPEN))
                    .isInstanceOf(NotAnOwner.class)
                    .hasMessageNotContaining("overage");
        }

        @ParameterizedTest
        @EnumSource(NamespacePolicy.class)
        void a_new_name_under_a_claim_is_for_the_claims_owners_who_become_its_owners_with_the_submitter(
                NamespacePolicy policy) {
            Optional<NamespaceClaim> financeClaim =
                    Optional.of(claim("com.contoso.finance", owners(Owner.group(FINANCE))));

            assertThat(Ownership.admitSubmission(financeMember, LEDGER, Optional.empty(), financeClaim, policy))
                    .isEqualTo(owners(Owner.group(FINANCE), Owner.user(financeMember.userId())));
            assertThatThrownBy(() -> Ownership.admitSubmission(bob, LEDGER, Optional.empty(), financeClaim, policy))
                    .isInstanceOf(NotAnOwner.class)
                    .hasMessageContaining("the namespace com.contoso.finance is claimed");
        }

        @Test
        void an_existing_server_keeps_its_owners_under_a_later_claim() {
            Optional<Owners> annOwns = Optional.of(owners(Owner.user(ann.userId())));
            Optional<NamespaceClaim> financeClaim =
                    Optional.of(claim("com.contoso.finance", owners(Owner.group(FINANCE))));

            assertThat(Ownership.admitSubmission(ann, LEDGER, annOwns, financeClaim, NamespacePolicy.CLAIMED))
                    .isEqualTo(annOwns.get());
        }
    }

    @Nested
    class Claims {
        @Test
        void the_longest_covering_claim_governs_a_name() {
            NamespaceClaim contoso = claim("com.contoso", owners(Owner.user(ann.userId())));
            NamespaceClaim finance = claim("com.contoso.finance", owners(Owner.group(FINANCE)));
            NamespaceClaim bank = claim("com.contoso.financebank", owners(Owner.user(bob.userId())));

            assertThat(NamespaceClaim.governing(List.of(contoso, finance, bank), LEDGER))
                    .contains(finance);
            assertThat(NamespaceClaim.governing(
                            List.of(contoso, finance, bank), new ServerName("com.contoso.finance.emea/x")))
                    .contains(finance);
            assertThat(NamespaceClaim.governing(List.of(contoso, finance, bank), new ServerName("com.contoso.hr/x")))
                    .contains(contoso);
            assertThat(NamespaceClaim.governing(List.of(finance, bank), new ServerName("com.contoso/x")))
                    .isEmpty();
        }
    }

    @Nested
    class Owning {
        @Test
        void a_server_never_has_zero_owners() {
            Owners annOnly = owners(Owner.user(ann.userId()));

            assertThatThrownBy(() -> annOnly.without(Owner.user(ann.userId())))
                    .isInstanceOf(Conflict.class)
                    .hasMessageContaining("only owner");
            assertThatThrownBy(() -> new Owners(List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThat(annOnly.with(Owner.group(FINANCE)).without(Owner.user(ann.userId())))
                    .isEqualTo(owners(Owner.group(FINANCE)));
        }

        @Test
        void owners_compare_as_sets_in_wire_name_order() {
            assertThat(owners(Owner.user(ann.userId()), Owner.group(FINANCE)))
                    .isEqualTo(owners(Owner.group(FINANCE), Owner.user(ann.userId()), Owner.group(FINANCE)));
            assertThat(owners(Owner.user(ann.userId()), Owner.group(FINANCE)).toString())
                    .startsWith("group:6f1c2a3b-");
        }

        @Test
        void only_owners_and_administrators_manage_owners_and_only_administrators_claim() {
            Owners annOwns = owners(Owner.user(ann.userId()));

            Ownership.requireMayManage(ann, LEDGER, annOwns);
            Ownership.requireMayManage(admin, LEDGER, annOwns);
            assertThatThrownBy(() -> Ownership.requireMayManage(bob, LEDGER, annOwns))
                    .isInstanceOf(NotAnOwner.class);
            Ownership.requireAdmin(admin, "claim a namespace");
            assertThatThrownBy(() -> Ownership.requireAdmin(ann, "claim a namespace"))
                    .isInstanceOf(Forbidden.class)
                    .hasMessage("only administrators may claim a namespace");
        }
    }

    @Nested
    class Acting {
        @Test
        void co_owners_act_on_each_others_registrations_and_others_are_told_whom_to_ask() {
            Owners shared = owners(Owner.user(ann.userId()), Owner.group(FINANCE));

            assertThat(Workflow.openTo(RegistrationStatus.PENDING, financeMember, shared))
                    .containsExactly(Action.EDIT, Action.DELETE);
            assertThat(Workflow.openTo(RegistrationStatus.APPROVED, ann, shared))
                    .containsExactly(Action.DEPRECATE);
            assertThat(Workflow.openTo(RegistrationStatus.PENDING, admin, shared))
                    .containsExactly(Action.APPROVE, Action.REJECT, Action.DELETE);
            assertThat(Workflow.openTo(RegistrationStatus.APPROVED, bob, shared))
                    .isEmpty();
            assertThatThrownBy(() -> Workflow.permit(RegistrationStatus.APPROVED, Action.DEPRECATE, bob, shared))
                    .isInstanceOfSatisfying(
                            NotAnOwner.class, e -> assertThat(e.owners()).isEqualTo(shared));
            assertThatThrownBy(() -> Workflow.permit(RegistrationStatus.PENDING, Action.APPROVE, bob, shared))
                    .isInstanceOf(Forbidden.class)
                    .isNotInstanceOf(NotAnOwner.class);
        }
    }
}
