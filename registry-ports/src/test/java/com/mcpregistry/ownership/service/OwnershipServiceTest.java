package com.mcpregistry.ownership.service;

import static com.mcpregistry.domain.testing.ServerDetailsTestData.someDetails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.core.RegistryCore;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.audit.FieldChange;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.Forbidden;
import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.domain.ownership.NamespacePrefix;
import com.mcpregistry.domain.ownership.NotAnOwner;
import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.registration.Action;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.testing.TestClock;
import com.mcpregistry.domain.testing.UserTestData;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.GroupId;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.identity.VerifiedToken;
import com.mcpregistry.inmemory.InMemoryDatabase;
import com.mcpregistry.ownership.By;
import com.mcpregistry.ownership.ClaimOutcome;
import com.mcpregistry.ownership.NamedOwner;
import com.mcpregistry.ownership.OwnerReference;
import com.mcpregistry.ownership.port.in.ManageNamespacesUseCase;
import com.mcpregistry.ownership.port.in.ManageOwnersUseCase;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.registration.port.in.FindRegistrationsUseCase.RegistrationFilter;
import com.mcpregistry.registration.port.in.ReviewRegistrationUseCase.ChangeStatus;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.SubmitRegistration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Owners and claims through the core's use cases over the in-memory adapters. */
class OwnershipServiceTest {
    static final ServerName LEDGER = new ServerName("com.contoso.finance/ledger-tools");
    static final GroupId FINANCE = GroupId.parse("group", "6f1c2a3b-0000-4000-8000-00000000000a");
    static final Optional<String> REQUEST = Optional.of("req-1");

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final InMemoryDatabase db = new InMemoryDatabase();

    private final User annUser = user("Ann Example", "ann@contoso.com");
    private final User bobUser = user("Bob Example", "bob@contoso.com");
    private final Actor ann = annUser.actor(false);
    private final Actor bob = bobUser.actor(false);
    private final Actor admin = user("Ada Admin", "ada@contoso.com").actor(true);
    private final Actor financeMember = user("Fay Finance", "fay@contoso.com").actor(false, Set.of(FINANCE), false);
    private final Actor overage = user("Olly Overage", "olly@contoso.com").actor(false, Set.of(), true);

    private RegistryCore core(NamespacePolicy policy) {
        return RegistryCore.create(
                db.coreAdapters(),
                token -> {
                    throw new UnsupportedOperationException();
                },
                x -> x,
                clock,
                RegistryCore.Limits.off(),
                policy);
    }

    private final RegistryCore core = core(NamespacePolicy.OPEN);
    private final ManageOwnersUseCase owners = core.manageOwners();
    private final ManageNamespacesUseCase namespaces = core.manageNamespaces();

    private User user(String name, String email) {
        return db.userRepository()
                .save(UserTestData.aUser()
                        .withDisplayName(name)
                        .withEmail(Optional.of(email))
                        .withVerifiedEmail(Optional.of(email))
                        .build());
    }

    private Registration submit(RegistryCore in, Actor actor, ServerName name, String version) {
        return in.submitRegistration()
                .submit(new SubmitRegistration(
                        actor,
                        name,
                        new Version(version),
                        someDetails()
                                .withEndpointUrl("https://" + version + "."
                                        + name.value().replace('/', '.') + ".example.com/mcp")
                                .build(),
                        Optional.empty(),
                        REQUEST));
    }

    private Registration submit(Actor actor, ServerName name, String version) {
        return submit(core, actor, name, version);
    }

    private List<AuditEvent> events(AuditAction action) {
        return Fixtures.events(db.auditTrail(), action);
    }

    @Test
    void the_first_submitter_owns_the_name_and_another_user_is_refused_naming_the_owners_contact() {
        submit(ann, LEDGER, "1.0.0");

        assertThat(owners.owners(LEDGER).owners())
                .extracting(NamedOwner::owner)
                .containsExactly(Owner.user(ann.userId()));
        assertThatThrownBy(() -> submit(bob, LEDGER, "2.0.0"))
                .isInstanceOf(NotAnOwner.class)
                .hasMessageContaining("only the owners of com.contoso.finance/ledger-tools")
                .hasMessageContaining("Ann Example <ann@contoso.com>");
        assertThat(submit(ann, LEDGER, "2.0.0").status()).isEqualTo(RegistrationStatus.PENDING);
        assertThat(submit(admin, LEDGER, "3.0.0").status()).isEqualTo(RegistrationStatus.PENDING);
    }

    @Test
    void an_owning_group_lets_its_members_publish_edit_and_see_pending_versions_but_not_an_overage_token() {
        submit(ann, LEDGER, "1.0.0");
        owners.add(By.user(ann), LEDGER, OwnerReference.group(FINANCE), REQUEST);

        Registration byFay = submit(financeMember, LEDGER, "2.0.0");
        assertThat(core.findRegistrations().get(ann, byFay.id())).isEqualTo(byFay);
        assertThat(core.findRegistrations().actionsOpenTo(ann, List.of(byFay)).get(byFay.id()))
                .containsExactly(Action.EDIT, Action.DELETE);
        assertThat(core.findRegistrations().actionsOpenTo(bob, List.of(byFay)).get(byFay.id()))
                .isEmpty();
        assertThat(core.findRegistrations()
                        .listMine(
                                ann, new RegistrationFilter(Optional.empty(), Optional.empty(), PageRequest.first(10)))
                        .items())
                .hasSize(2);
        assertThatThrownBy(() -> core.findRegistrations().get(bob, byFay.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> submit(overage, LEDGER, "3.0.0"))
                .isInstanceOf(NotAnOwner.class)
                .hasMessageContaining("groups overage")
                .hasMessageContaining("members of the Entra ID group " + FINANCE);
    }

    @Test
    void owners_add_and_remove_owners_a_server_keeps_one_and_each_change_is_audited() {
        submit(ann, LEDGER, "1.0.0");

        assertThatThrownBy(() ->
                        owners.add(By.user(bob), LEDGER, OwnerReference.parse("owner", "bob@contoso.com"), REQUEST))
                .isInstanceOf(NotAnOwner.class);
        owners.add(By.user(ann), LEDGER, OwnerReference.parse("owner", "bob@contoso.com"), REQUEST);
        assertThat(submit(bob, LEDGER, "2.0.0").status()).isEqualTo(RegistrationStatus.PENDING);
        owners.remove(By.user(bob), LEDGER, OwnerReference.parse("owner", "user:" + ann.userId()), REQUEST);
        assertThatThrownBy(() -> owners.remove(
                        By.user(bob), LEDGER, OwnerReference.parse("owner", "user:" + bob.userId()), REQUEST))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("only owner");
        assertThatThrownBy(() -> submit(ann, LEDGER, "3.0.0")).isInstanceOf(NotAnOwner.class);

        AuditEvent added = events(AuditAction.OWNER_ADDED).get(0);
        assertThat(added.actorId()).contains(ann.userId());
        assertThat(added.reason()).contains("server " + LEDGER);
        assertThat(added.requestId()).isEqualTo(REQUEST);
        assertThat(added.changes())
                .containsExactly(FieldChange.of(
                        "owners",
                        Optional.of("user:" + ann.userId()),
                        Optional.of(Owners.of(Owner.user(ann.userId()), Owner.user(bob.userId()))
                                .toString())));
        assertThat(events(AuditAction.OWNER_REMOVED)).hasSize(1);
    }

    @Test
    void only_administrators_transfer_a_server_and_the_old_owner_loses_it() {
        submit(ann, LEDGER, "1.0.0");

        assertThatThrownBy(() -> owners.transfer(
                        By.user(ann), LEDGER, List.of(OwnerReference.parse("owner", "bob@contoso.com")), REQUEST))
                .isInstanceOf(Forbidden.class);
        owners.transfer(By.user(admin), LEDGER, List.of(OwnerReference.parse("owner", "bob@contoso.com")), REQUEST);

        assertThat(submit(bob, LEDGER, "2.0.0").status()).isEqualTo(RegistrationStatus.PENDING);
        assertThatThrownBy(() -> submit(ann, LEDGER, "3.0.0")).isInstanceOf(NotAnOwner.class);
        assertThat(events(AuditAction.SERVER_TRANSFERRED))
                .singleElement()
                .satisfies(e -> assertThat(e.actorId()).contains(admin.userId()));
        assertThatThrownBy(() -> owners.transfer(By.operator(), LEDGER, List.of(), REQUEST))
                .isInstanceOf(com.mcpregistry.domain.error.InvalidInput.class);
    }

    @Test
    void an_owner_of_a_server_deprecates_a_version_another_owner_submitted() {
        Registration v1 = submit(ann, LEDGER, "1.0.0");
        core.reviewRegistration()
                .changeStatus(new ChangeStatus(
                        admin, v1.id(), RegistrationStatus.APPROVED, Optional.empty(), Optional.empty(), REQUEST));
        owners.add(By.user(ann), LEDGER, OwnerReference.parse("owner", "bob@contoso.com"), REQUEST);

        Registration deprecated = core.reviewRegistration()
                .changeStatus(new ChangeStatus(
                        bob,
                        v1.id(),
                        RegistrationStatus.DEPRECATED,
                        Optional.of(new com.mcpregistry.domain.registration.Reason("superseded")),
                        Optional.empty(),
                        REQUEST));
        assertThat(deprecated.status()).isEqualTo(RegistrationStatus.DEPRECATED);
    }

    @Test
    void a_claimed_namespace_is_for_its_owners_under_either_policy() {
        for (NamespacePolicy policy : NamespacePolicy.values()) {
            ServerName name = new ServerName("com.contoso.finance." + policy.wireName() + "/ledger");
            RegistryCore in = core(policy);
            if (in.manageNamespaces().claims().isEmpty()) {
                in.manageNamespaces()
                        .claim(
                                By.user(admin),
                                new NamespacePrefix("com.contoso.finance"),
                                List.of(OwnerReference.group(FINANCE)),
                                REQUEST);
            }

            assertThatThrownBy(() -> submit(in, bob, name, "1.0.0"))
                    .isInstanceOf(NotAnOwner.class)
                    .hasMessageContaining("the namespace com.contoso.finance is claimed");
            submit(in, financeMember, name, "1.0.0");
            assertThat(in.manageOwners().owners(name).owners())
                    .extracting(NamedOwner::owner)
                    .containsExactlyInAnyOrder(Owner.group(FINANCE), Owner.user(financeMember.userId()));
        }
    }

    @Test
    void the_claimed_policy_refuses_a_new_unclaimed_name_except_to_administrators() {
        RegistryCore claimed = core(NamespacePolicy.CLAIMED);

        assertThatThrownBy(() -> submit(claimed, ann, new ServerName("io.github.ann/tools"), "1.0.0"))
                .isInstanceOf(Forbidden.class)
                .hasMessageContaining("NAMESPACE_POLICY is claimed");
        assertThat(submit(claimed, admin, new ServerName("io.github.ann/tools"), "1.0.0")
                        .status())
                .isEqualTo(RegistrationStatus.PENDING);
    }

    @Test
    void claiming_keeps_existing_owners_reports_them_and_only_administrators_claim_and_release() {
        submit(ann, LEDGER, "1.0.0");
        submit(financeMember, new ServerName("com.contoso.finance.emea/ledger"), "1.0.0");
        submit(bob, new ServerName("com.contoso.financebank/ledger"), "1.0.0");
        NamespacePrefix finance = new NamespacePrefix("com.contoso.finance");

        assertThatThrownBy(
                        () -> namespaces.claim(By.user(ann), finance, List.of(OwnerReference.group(FINANCE)), REQUEST))
                .isInstanceOf(Forbidden.class);
        ClaimOutcome outcome =
                namespaces.claim(By.user(admin), finance, List.of(OwnerReference.group(FINANCE)), REQUEST);

        assertThat(outcome.conflictCount()).isEqualTo(2);
        assertThat(outcome.conflicts())
                .extracting(c -> c.server().value())
                .containsExactly("com.contoso.finance.emea/ledger", "com.contoso.finance/ledger-tools");
        assertThat(owners.owners(LEDGER).owners())
                .extracting(NamedOwner::owner)
                .containsExactly(Owner.user(ann.userId()));
        assertThat(submit(ann, LEDGER, "2.0.0").status()).isEqualTo(RegistrationStatus.PENDING);
        assertThatThrownBy(() ->
                        namespaces.claim(By.user(admin), finance, List.of(OwnerReference.group(FINANCE)), REQUEST))
                .isInstanceOf(Conflict.class);
        assertThat(namespaces.claims())
                .singleElement()
                .satisfies(c -> assertThat(c.claim().prefix()).isEqualTo(finance));

        namespaces.release(By.operator(), finance, Optional.empty());
        assertThat(namespaces.claims()).isEmpty();
        assertThatThrownBy(() -> namespaces.release(By.user(admin), finance, REQUEST))
                .isInstanceOf(NotFound.class);
        assertThat(events(AuditAction.NAMESPACE_CLAIMED)).hasSize(1);
        assertThat(events(AuditAction.NAMESPACE_RELEASED))
                .singleElement()
                .satisfies(e -> assertThat(e.actorId()).isEmpty());
    }

    @Test
    void a_user_named_as_owner_must_have_signed_in_and_an_unknown_server_has_no_owners() {
        submit(ann, LEDGER, "1.0.0");

        assertThatThrownBy(() ->
                        owners.add(By.user(ann), LEDGER, OwnerReference.parse("owner", "nobody@contoso.com"), REQUEST))
                .isInstanceOf(NotFound.class)
                .hasMessageContaining("sign in once");
        assertThatThrownBy(() -> owners.add(
                        By.user(ann),
                        LEDGER,
                        OwnerReference.parse("owner", "user:" + java.util.UUID.randomUUID()),
                        REQUEST))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> owners.owners(new ServerName("com.contoso/unknown")))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void a_token_lists_its_groups_for_ownership_and_an_overage_lists_none() {
        VerifiedToken token = new VerifiedToken(
                annUser.identity(),
                "Ann Example",
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Set.of("6F1C2A3B-0000-4000-8000-00000000000A", "Finance Team (on-premises)"),
                false,
                Set.of("registry.access"),
                false,
                clock.instant().plusSeconds(3600));

        assertThat(core.signIn().signIn(token).actor().groups()).containsExactly(FINANCE);
    }
}
