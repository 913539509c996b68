package com.mcpregistry.domain.registration;

import static com.mcpregistry.domain.registration.Fixtures.NOW;
import static com.mcpregistry.domain.registration.Fixtures.details;
import static com.mcpregistry.domain.registration.Fixtures.inStatus;
import static com.mcpregistry.domain.registration.Fixtures.otherDetails;
import static com.mcpregistry.domain.registration.Fixtures.ownersOf;
import static com.mcpregistry.domain.shared.RegistrationStatus.APPROVED;
import static com.mcpregistry.domain.shared.RegistrationStatus.DEPRECATED;
import static com.mcpregistry.domain.shared.RegistrationStatus.PENDING;
import static com.mcpregistry.domain.shared.RegistrationStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.audit.FieldChange;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.Forbidden;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.registration.Fixtures.Role;
import com.mcpregistry.domain.registration.SpecTable.Conflicts;
import com.mcpregistry.domain.registration.SpecTable.Deleted;
import com.mcpregistry.domain.registration.SpecTable.Forbids;
import com.mcpregistry.domain.registration.SpecTable.Leads;
import com.mcpregistry.domain.registration.SpecTable.Outcome;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.serverjson.Title;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.testing.RegistrationTestData;
import com.mcpregistry.domain.testing.ServerDetailsTestData;
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

class RegistrationTest {

    private static final Optional<String> REQUEST = Optional.of("req-42");
    private static final Reason REASON = new Reason("the endpoint answers with errors");

    /** A state a registration can be in: one of the statuses, or soft-deleted in one of them. */
    record State(RegistrationStatus status, boolean deleted) {
        Registration of(UserId submitter) {
            return deleted ? Fixtures.deletedInStatus(status, submitter) : inStatus(status, submitter);
        }

        @Override
        public String toString() {
            return deleted ? "deleted " + status.label() : status.label();
        }
    }

    /** What a client asks the registration to do. */
    enum Request {
        EDIT,
        DELETE,
        TO_PENDING,
        TO_APPROVED,
        TO_REJECTED,
        TO_DEPRECATED,
        TO_REJECTED_WITHOUT_REASON,
        TO_DEPRECATED_WITHOUT_REASON,
        TO_APPROVED_WITHOUT_REASON;

        Optional<RegistrationStatus> target() {
            return switch (this) {
                case EDIT, DELETE -> Optional.empty();
                case TO_PENDING -> Optional.of(PENDING);
                case TO_APPROVED, TO_APPROVED_WITHOUT_REASON -> Optional.of(APPROVED);
                case TO_REJECTED, TO_REJECTED_WITHOUT_REASON -> Optional.of(REJECTED);
                case TO_DEPRECATED, TO_DEPRECATED_WITHOUT_REASON -> Optional.of(DEPRECATED);
            };
        }

        Optional<Reason> reason() {
            return name().endsWith("WITHOUT_REASON") ? Optional.empty() : Optional.of(REASON);
        }

        Change applyTo(Registration r, Actor actor) {
            return switch (this) {
                case EDIT ->
                    r.edit(otherDetails(), actor, ownersOf(r), NOW, REQUEST).orElseThrow();
                case DELETE -> r.delete(actor, ownersOf(r), NOW, REQUEST);
                default -> r.changeStatus(target().orElseThrow(), reason(), actor, ownersOf(r), NOW, REQUEST);
            };
        }
    }

    /** What the specification says about one request, derived from {@link SpecTable} alone. */
    sealed interface Expected {}

    record Succeeds(Action action, RegistrationStatus to, boolean deletes) implements Expected {}

    record Fails(Class<? extends RuntimeException> error, Optional<String> field) implements Expected {}

    static Expected expected(State state, Request request, Role role) {
        if (request == Request.TO_PENDING) {
            return new Fails(InvalidInput.class, Optional.of("status"));
        }
        if (state.deleted()) {
            return new Fails(Conflict.class, Optional.empty());
        }
        Action action;
        if (request == Request.EDIT) {
            action = Action.EDIT;
        } else if (request == Request.DELETE) {
            action = Action.DELETE;
        } else {
            Optional<Action> reaching =
                    SpecTable.actionReaching(state.status(), request.target().orElseThrow());
            if (reaching.isEmpty()) {
                return new Fails(Conflict.class, Optional.empty());
            }
            action = reaching.get();
        }
        Outcome outcome = SpecTable.outcome(state.status(), action, role);
        if (outcome instanceof Leads leads) {
            if (SpecTable.needsReason(action) && request.reason().isEmpty()) {
                return new Fails(InvalidInput.class, Optional.of("reason"));
            }
            return new Succeeds(action, leads.to(), false);
        }
        if (outcome instanceof Deleted) {
            return new Succeeds(action, state.status(), true);
        }
        if (outcome instanceof Conflicts) {
            return new Fails(Conflict.class, Optional.empty());
        }
        if (outcome instanceof Forbids) {
            return new Fails(Forbidden.class, Optional.empty());
        }
        throw new IllegalStateException("unknown outcome " + outcome);
    }

    static Stream<Arguments> everyStateRequestAndRole() {
        List<Arguments> cells = new ArrayList<>();
        for (boolean deleted : new boolean[] {false, true}) {
            for (RegistrationStatus status : RegistrationStatus.values()) {
                State state = new State(status, deleted);
                for (Request request : Request.values()) {
                    for (Role role : Role.values()) {
                        cells.add(Arguments.of(state, request, role, expected(state, request, role)));
                    }
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0}: {1} by {2} → {3}")
    @MethodSource("everyStateRequestAndRole")
    void every_request_in_every_state_by_every_person_has_the_specified_outcome(
            State state, Request request, Role role, Expected expected) {
        UserId submitter = UserId.random();
        Registration before = state.of(submitter);
        Actor actor = role.actorFor(submitter);

        if (expected instanceof Fails fails) {
            assertThatThrownBy(() -> request.applyTo(before, actor))
                    .isInstanceOf(fails.error())
                    .satisfies(e -> fails.field()
                            .ifPresent(field -> assertThat(((InvalidInput) e).errors())
                                    .extracting(error -> error.field())
                                    .containsExactly(field)));
            return;
        }
        Succeeds succeeds = (Succeeds) expected;
        Change change = request.applyTo(before, actor);
        Registration after = change.registration();
        AuditEvent event = change.event();

        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.status()).isEqualTo(succeeds.to());
        assertThat(after.isDeleted()).isEqualTo(succeeds.deletes());
        assertThat(after.rowVersion()).isEqualTo(before.rowVersion() + 1);
        assertThat(after.updatedAt()).isEqualTo(NOW);
        assertThat(after.createdAt()).isEqualTo(before.createdAt());
        assertThat(after.submitterId()).isEqualTo(submitter);

        assertThat(event.action().wireName()).isEqualTo(succeeds.action().wireName());
        assertThat(event.actorId()).contains(actor.userId());
        assertThat(event.registrationId()).contains(before.id());
        assertThat(event.fromStatus()).contains(state.status());
        assertThat(event.toStatus()).isEqualTo(succeeds.deletes() ? Optional.empty() : Optional.of(succeeds.to()));
        assertThat(event.at()).isEqualTo(NOW);
        assertThat(event.requestId()).isEqualTo(REQUEST);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void anyone_submits_and_the_registration_starts_pending_with_a_submit_event(Role role) {
        UserId someone = UserId.random();
        Actor actor = role.actorFor(someone);
        RegistrationId id = RegistrationId.random();

        Change change = Registration.submit(
                id,
                new ServerName("com.contoso.finance/ledger-tools"),
                new Version("2.1.0"),
                details(),
                actor,
                NOW,
                REQUEST);

        Registration r = change.registration();
        assertThat(r.id()).isEqualTo(id);
        assertThat(r.status()).isEqualTo(PENDING);
        assertThat(r.submitterId()).isEqualTo(actor.userId());
        assertThat(r.version()).isEqualTo(new Version("2.1.0"));
        assertThat(r.details()).isEqualTo(details());
        assertThat(r.rowVersion()).isEqualTo(1);
        assertThat(r.createdAt()).isEqualTo(NOW);
        assertThat(r.updatedAt()).isEqualTo(NOW);
        assertThat(r.statusReason()).isEmpty();
        assertThat(r.reviewedBy()).isEmpty();
        assertThat(r.reviewedAt()).isEmpty();
        assertThat(r.deletedAt()).isEmpty();

        AuditEvent event = change.event();
        assertThat(event.action().wireName()).isEqualTo("submit");
        assertThat(event.actorId()).contains(actor.userId());
        assertThat(event.registrationId()).contains(id);
        assertThat(event.fromStatus()).isEmpty();
        assertThat(event.toStatus()).contains(PENDING);
        assertThat(event.reason()).isEmpty();
        assertThat(event.requestId()).isEqualTo(REQUEST);
        assertThat(event.at()).isEqualTo(NOW);
    }

    @Test
    void approving_records_the_reviewer_and_the_review_time() {
        Registration pending = inStatus(PENDING, UserId.random());
        Actor admin = new Actor(UserId.random(), true);

        Change change = pending.changeStatus(APPROVED, Optional.empty(), admin, ownersOf(pending), NOW, REQUEST);

        assertThat(change.registration().reviewedBy()).contains(admin.userId());
        assertThat(change.registration().reviewedAt()).contains(NOW);
        assertThat(change.registration().statusReason()).isEmpty();
        assertThat(change.event().action().wireName()).isEqualTo("approve");
        assertThat(change.event().reason()).isEmpty();
    }

    @Test
    void rejecting_keeps_the_reason_on_the_registration_and_in_the_event() {
        Registration pending = inStatus(PENDING, UserId.random());
        Actor admin = new Actor(UserId.random(), true);

        Change change = pending.changeStatus(REJECTED, Optional.of(REASON), admin, ownersOf(pending), NOW, REQUEST);

        assertThat(change.registration().status()).isEqualTo(REJECTED);
        assertThat(change.registration().statusReason()).contains(REASON);
        assertThat(change.registration().reviewedBy()).contains(admin.userId());
        assertThat(change.registration().reviewedAt()).contains(NOW);
        assertThat(change.event().reason()).contains(REASON.value());
        assertThat(change.event().fromStatus()).contains(PENDING);
        assertThat(change.event().toStatus()).contains(REJECTED);
    }

    @Test
    void rejecting_without_a_reason_is_invalid_input_on_reason() {
        Registration pending = inStatus(PENDING, UserId.random());

        assertThatThrownBy(() -> pending.changeStatus(
                        REJECTED, Optional.empty(), new Actor(UserId.random(), true), ownersOf(pending), NOW, REQUEST))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(error -> error.field())
                                .containsExactly("reason"));
    }

    @Test
    void the_submitter_deprecates_their_approved_registration_and_is_recorded_as_reviewer() {
        UserId submitter = UserId.random();
        Registration approved = inStatus(APPROVED, submitter);

        Change change = approved.changeStatus(
                DEPRECATED, Optional.of(REASON), new Actor(submitter, false), ownersOf(approved), NOW, REQUEST);

        assertThat(change.registration().status()).isEqualTo(DEPRECATED);
        assertThat(change.registration().statusReason()).contains(REASON);
        assertThat(change.registration().reviewedBy()).contains(submitter);
        assertThat(change.registration().reviewedAt()).contains(NOW);
        assertThat(change.event().action().wireName()).isEqualTo("deprecate");
        assertThat(change.event().reason()).contains(REASON.value());
    }

    @Test
    void reactivating_clears_the_deprecation_reason() {
        Registration deprecated = inStatus(DEPRECATED, UserId.random());
        Actor admin = new Actor(UserId.random(), true);

        Change change = deprecated.changeStatus(APPROVED, Optional.empty(), admin, ownersOf(deprecated), NOW, REQUEST);

        assertThat(change.registration().status()).isEqualTo(APPROVED);
        assertThat(change.registration().statusReason()).isEmpty();
        assertThat(change.registration().reviewedBy()).contains(admin.userId());
        assertThat(change.event().action().wireName()).isEqualTo("reactivate");
    }

    @Test
    void editing_replaces_the_details_and_returns_a_rejected_registration_to_pending() {
        UserId submitter = UserId.random();
        Registration rejected = inStatus(REJECTED, submitter);
        ServerDetails changed = otherDetails();

        Change change = rejected.edit(changed, new Actor(submitter, false), ownersOf(rejected), NOW, REQUEST)
                .orElseThrow();

        assertThat(change.registration().details()).isEqualTo(changed);
        assertThat(change.registration().status()).isEqualTo(PENDING);
        assertThat(change.registration().serverName()).isEqualTo(rejected.serverName());
        assertThat(change.registration().version()).isEqualTo(rejected.version());
        assertThat(change.event().action().wireName()).isEqualTo("edit");
        assertThat(change.event().fromStatus()).contains(REJECTED);
        assertThat(change.event().toStatus()).contains(PENDING);
        assertThat(change.event().reason()).isEmpty();
    }

    @Test
    void an_edit_that_changes_no_field_is_no_change() {
        UserId submitter = UserId.random();
        Registration pending = inStatus(PENDING, submitter);
        Registration rejected = inStatus(REJECTED, submitter);
        Actor owner = new Actor(submitter, false);

        assertThat(pending.edit(details(), owner, ownersOf(pending), NOW, REQUEST))
                .isEmpty();
        assertThat(rejected.edit(details(), owner, ownersOf(rejected), NOW, REQUEST))
                .isEmpty();
    }

    @Test
    void an_edit_that_changes_nothing_is_refused_exactly_as_a_real_edit() {
        UserId submitter = UserId.random();
        Actor owner = new Actor(submitter, false);

        assertThatThrownBy(() -> inStatus(PENDING, submitter)
                        .edit(details(), new Actor(UserId.random(), false), Fixtures.ownedBy(submitter), NOW, REQUEST))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() ->
                        inStatus(APPROVED, submitter).edit(details(), owner, Fixtures.ownedBy(submitter), NOW, REQUEST))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> Fixtures.deletedInStatus(PENDING, submitter)
                        .edit(details(), owner, Fixtures.ownedBy(submitter), NOW, REQUEST))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void an_edits_event_lists_the_fields_it_changed_with_old_and_new_values() {
        UserId submitter = UserId.random();
        Registration pending = inStatus(PENDING, submitter);
        ServerDetails d = pending.details();
        ServerDetails edited = ServerDetailsTestData.from(d)
                .withTitle("Ledger tools v2")
                .withoutRepositoryUrl()
                .withDocumentationUrl("https://docs.contoso.com/ledger")
                .withTags("ledger", "finance")
                .build();

        Change change = pending.edit(edited, new Actor(submitter, false), ownersOf(pending), NOW, REQUEST)
                .orElseThrow();

        assertThat(change.event().changes())
                .containsExactly(
                        FieldChange.of("title", Optional.of("Ledger tools"), Optional.of("Ledger tools v2")),
                        FieldChange.of(
                                "repository_url",
                                Optional.of("https://github.com/contoso/ledger-tools"),
                                Optional.empty()),
                        FieldChange.of(
                                "documentation_url", Optional.empty(), Optional.of("https://docs.contoso.com/ledger")),
                        FieldChange.of("tags", Optional.of("finance, ledger"), Optional.of("ledger, finance")));
        assertThat(change.registration().details()).isEqualTo(edited);
    }

    @Test
    void every_changed_field_is_listed_once_and_unchanged_fields_never() {
        ServerDetails before = details();

        assertThat(before.changesTo(before)).isEmpty();
        assertThat(before.changesTo(otherDetails()))
                .extracting(FieldChange::field)
                .containsExactly(
                        "title",
                        "description",
                        "remotes",
                        "owner_contact",
                        "repository_url",
                        "documentation_url",
                        "tags");
        assertThat(before.changesTo(otherDetails())).noneMatch(FieldChange::secret);
    }

    @Test
    void tags_that_read_alike_but_differ_are_still_a_change() {
        ServerDetails d = details();
        ServerDetails oneTag =
                ServerDetailsTestData.from(d).withTags("finance, ledger").build();

        assertThat(d.changesTo(oneTag)).extracting(FieldChange::field).containsExactly("tags");
    }

    @Test
    void editing_a_rejected_registration_clears_its_review_for_the_next_one() {
        UserId submitter = UserId.random();
        Registration rejected = inStatus(REJECTED, submitter);

        Registration edited = rejected.edit(
                        otherDetails(), new Actor(submitter, false), ownersOf(rejected), NOW, REQUEST)
                .orElseThrow()
                .registration();

        assertThat(edited.status()).isEqualTo(PENDING);
        assertThat(edited.statusReason()).isEmpty();
        assertThat(edited.reviewedBy()).isEmpty();
        assertThat(edited.reviewedAt()).isEmpty();
        assertThat(rejected.reviewedBy()).isPresent();
    }

    @Test
    void editing_an_approved_registration_is_a_conflict_because_approved_is_immutable() {
        UserId submitter = UserId.random();
        Registration approved = inStatus(APPROVED, submitter);

        assertThatThrownBy(
                        () -> approved.edit(details(), new Actor(submitter, false), ownersOf(approved), NOW, REQUEST))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> approved.edit(details(), new Actor(submitter, true), ownersOf(approved), NOW, REQUEST))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void deleting_sets_deleted_at_and_keeps_status_reason_and_review() {
        UserId submitter = UserId.random();
        Registration rejected = inStatus(REJECTED, submitter);

        Change change = rejected.delete(new Actor(submitter, false), ownersOf(rejected), NOW, REQUEST);

        Registration deleted = change.registration();
        assertThat(deleted.deletedAt()).contains(NOW);
        assertThat(deleted.isDeleted()).isTrue();
        assertThat(deleted.status()).isEqualTo(REJECTED);
        assertThat(deleted.statusReason()).isEqualTo(rejected.statusReason());
        assertThat(deleted.reviewedBy()).isEqualTo(rejected.reviewedBy());
        assertThat(deleted.reviewedAt()).isEqualTo(rejected.reviewedAt());
        assertThat(change.event().action().wireName()).isEqualTo("delete");
        assertThat(change.event().fromStatus()).contains(REJECTED);
        assertThat(change.event().toStatus()).isEmpty();
    }

    @Test
    void a_change_without_a_request_id_records_none() {
        UserId submitter = UserId.random();
        Registration pending = inStatus(PENDING, submitter);
        Change change = pending.edit(
                        otherDetails(), new Actor(submitter, false), ownersOf(pending), NOW, Optional.empty())
                .orElseThrow();

        assertThat(change.event().requestId()).isEmpty();
    }

    @Test
    void each_change_gets_its_own_event_id() {
        UserId submitter = UserId.random();
        Registration pending = inStatus(PENDING, submitter);
        Actor actor = new Actor(submitter, false);

        assertThat(pending.edit(otherDetails(), actor, ownersOf(pending), NOW, REQUEST)
                        .orElseThrow()
                        .event()
                        .id())
                .isNotEqualTo(pending.edit(otherDetails(), actor, ownersOf(pending), NOW, REQUEST)
                        .orElseThrow()
                        .event()
                        .id());
    }

    @Test
    void a_whole_life_cycle_counts_row_versions_up_by_one_per_step() {
        UserId submitter = UserId.random();
        Actor owner = new Actor(submitter, false);
        Actor admin = new Actor(UserId.random(), true);
        Registration r = Registration.submit(
                        RegistrationId.random(),
                        new ServerName("com.contoso/ledger"),
                        Version.DEFAULT,
                        details(),
                        owner,
                        NOW,
                        REQUEST)
                .registration();

        r = r.changeStatus(REJECTED, Optional.of(REASON), admin, ownersOf(r), NOW, REQUEST)
                .registration();
        r = r.edit(otherDetails(), owner, ownersOf(r), NOW, REQUEST)
                .orElseThrow()
                .registration();
        r = r.changeStatus(APPROVED, Optional.empty(), admin, ownersOf(r), NOW, REQUEST)
                .registration();
        r = r.changeStatus(DEPRECATED, Optional.of(REASON), owner, ownersOf(r), NOW, REQUEST)
                .registration();
        r = r.changeStatus(APPROVED, Optional.empty(), admin, ownersOf(r), NOW, REQUEST)
                .registration();
        r = r.delete(admin, ownersOf(r), NOW, REQUEST).registration();

        assertThat(r.rowVersion()).isEqualTo(7);
        assertThat(r.status()).isEqualTo(APPROVED);
        assertThat(r.isDeleted()).isTrue();
    }

    static Stream<Arguments> visibility() {
        // status, deleted, admin+submitter, admin, submitter, other
        return Stream.of(
                Arguments.of(PENDING, false, true, true, true, false),
                Arguments.of(REJECTED, false, true, true, true, false),
                Arguments.of(APPROVED, false, true, true, true, true),
                Arguments.of(DEPRECATED, false, true, true, true, true),
                Arguments.of(PENDING, true, false, false, false, false),
                Arguments.of(REJECTED, true, false, false, false, false),
                Arguments.of(APPROVED, true, false, false, false, false),
                Arguments.of(DEPRECATED, true, false, false, false, false));
    }

    @ParameterizedTest(name = "{0} deleted={1}")
    @MethodSource("visibility")
    void others_see_only_published_registrations_and_nobody_sees_deleted_ones(
            RegistrationStatus status,
            boolean deleted,
            boolean adminSubmitter,
            boolean admin,
            boolean submitterSees,
            boolean other) {
        UserId submitter = UserId.random();
        Registration r = new State(status, deleted).of(submitter);

        assertThat(r.isVisibleTo(Role.ADMIN_SUBMITTER.actorFor(submitter), ownersOf(r)))
                .isEqualTo(adminSubmitter);
        assertThat(r.isVisibleTo(Role.ADMIN.actorFor(submitter), ownersOf(r))).isEqualTo(admin);
        assertThat(r.isVisibleTo(Role.SUBMITTER.actorFor(submitter), ownersOf(r)))
                .isEqualTo(submitterSees);
        assertThat(r.isVisibleTo(Role.OTHER.actorFor(submitter), ownersOf(r))).isEqualTo(other);
    }

    @Test
    void row_versions_start_at_one() {
        Registration r = inStatus(PENDING, UserId.random());
        assertThatThrownBy(() -> RegistrationTestData.from(r).withRowVersion(0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_patch_changes_only_the_fields_it_carries_and_can_clear_optional_urls() {
        Registration current = inStatus(PENDING, UserId.random());
        DetailsPatch patch = new DetailsPatch(
                Optional.empty(),
                Optional.of(new Title("New title")),
                Optional.empty(),
                Optional.empty(),
                Optional.of(RemoteTransport.SSE),
                Optional.empty(),
                Optional.of(Optional.empty()),
                Optional.of(Optional.of(new HttpUrl("https://docs.contoso.com/"))),
                Optional.empty());

        ServerDetails patched = patch.applyTo(current);

        ServerDefinition before = current.details().definition();
        ServerDefinition after = patched.definition();
        assertThat(after.title()).contains(new Title("New title"));
        assertThat(after.description()).isEqualTo(before.description());
        assertThat(after.onlyRemote().orElseThrow().url())
                .isEqualTo(before.onlyRemote().orElseThrow().url());
        assertThat(after.onlyRemote().orElseThrow().type()).isEqualTo(RemoteTransport.SSE);
        assertThat(patched.ownerContact()).isEqualTo(current.details().ownerContact());
        assertThat(after.repository()).isEmpty();
        assertThat(after.websiteUrl()).contains(new HttpUrl("https://docs.contoso.com/"));
        assertThat(patched.tags()).isEqualTo(current.details().tags());
        assertThat(DetailsPatch.NOTHING.applyTo(current)).isEqualTo(current.details());
    }
}
