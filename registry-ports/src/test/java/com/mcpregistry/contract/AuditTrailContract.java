package com.mcpregistry.contract;

import static com.mcpregistry.contract.Fixtures.T0;
import static com.mcpregistry.contract.Fixtures.event;
import static com.mcpregistry.domain.testing.AuditEventTestData.anAuditEvent;
import static com.mcpregistry.domain.testing.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditHead;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.domain.audit.AuditCheckpoint;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.audit.FieldChange;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.paging.Cursor;
import com.mcpregistry.paging.Page;
import com.mcpregistry.paging.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditTrail} guarantees. The trail may hold events of other tests (all of them chained), so
 * each test filters by an actor, a registration or a moment of its own.
 */
public abstract class AuditTrailContract {

    protected abstract AuditTrail auditTrail();

    /** The users the trail's actors are, kept in the same store as the trail. */
    protected abstract UserRepository users();

    private final AuditAction action = AuditAction.APPROVE;
    private final AuditAction otherAction = AuditAction.REJECT;
    private UserId actor;

    @BeforeEach
    void givenAnActorOfThisTest() {
        actor = UserId.random();
    }

    private AuditEvent appended(AuditEvent event) {
        auditTrail().append(event);
        return event;
    }

    private AuditEvent appended(Optional<RegistrationId> registration, Instant at) {
        return appended(event(actor, action, registration, at));
    }

    private static AuditQuery query(
            Optional<UserId> actor,
            Optional<AuditAction> action,
            Optional<RegistrationId> registration,
            Optional<Instant> since) {
        return new AuditQuery(actor, action, registration, since, PageRequest.first(100));
    }

    private List<AuditEvent> find(AuditQuery query) {
        return events(auditTrail().find(query).items());
    }

    private static List<AuditEvent> events(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::event).toList();
    }

    @Test
    void an_appended_event_is_found_with_every_field() {
        AuditEvent event = appended(anAuditEvent()
                .at(T0)
                .by(actor)
                .withAction(action)
                .about(RegistrationId.random())
                .from(RegistrationStatus.APPROVED)
                .to(RegistrationStatus.DEPRECATED)
                .withReason("Superseded by 2.0 – “see” notes; 'quotes' and \\ stay")
                .withRequestId("req-" + UUID.randomUUID())
                .build());

        assertThat(find(query(Optional.of(actor), Optional.empty(), Optional.empty(), Optional.empty())))
                .containsExactly(event);
    }

    @Test
    void an_event_without_actor_registration_or_statuses_is_kept() {
        // Later than any other test's events: the event has nothing else to find it by.
        Instant moment = T0.plus(Duration.ofDays(1000));
        AuditEvent event = appended(anAuditEvent().at(moment).withAction(action).build());

        assertThat(find(query(Optional.empty(), Optional.of(action), Optional.empty(), Optional.of(moment))))
                .containsExactly(event);
    }

    @Test
    void find_filters_by_actor() {
        AuditEvent mine = appended(Optional.empty(), T0);
        appended(event(UserId.random(), action, Optional.empty(), T0));

        assertThat(find(query(Optional.of(actor), Optional.empty(), Optional.empty(), Optional.empty())))
                .containsExactly(mine);
    }

    @Test
    void find_filters_by_action() {
        RegistrationId registration = RegistrationId.random();
        AuditEvent mine = appended(Optional.of(registration), T0);
        appended(event(actor, otherAction, Optional.of(registration), T0));

        assertThat(find(query(Optional.empty(), Optional.of(action), Optional.of(registration), Optional.empty())))
                .containsExactly(mine);
    }

    @Test
    void find_filters_by_registration() {
        RegistrationId registration = RegistrationId.random();
        AuditEvent first = appended(Optional.of(registration), T0);
        AuditEvent second = appended(Optional.of(registration), T0.plusSeconds(1));
        appended(Optional.of(RegistrationId.random()), T0);

        assertThat(find(query(Optional.empty(), Optional.empty(), Optional.of(registration), Optional.empty())))
                .containsExactly(second, first);
    }

    @Test
    void find_since_includes_the_bound_and_excludes_what_is_older() {
        appended(Optional.empty(), T0.minusNanos(1000));
        AuditEvent atBound = appended(Optional.empty(), T0);
        AuditEvent later = appended(Optional.empty(), T0.plusSeconds(1));

        assertThat(find(query(Optional.of(actor), Optional.empty(), Optional.empty(), Optional.of(T0))))
                .containsExactly(later, atBound);
    }

    @Test
    void filters_combine() {
        RegistrationId registration = RegistrationId.random();
        AuditEvent match = appended(Optional.of(registration), T0.plusSeconds(5));
        appended(Optional.of(registration), T0);
        appended(event(actor, otherAction, Optional.of(registration), T0.plusSeconds(5)));
        appended(event(UserId.random(), action, Optional.of(registration), T0.plusSeconds(5)));

        assertThat(find(query(
                        Optional.of(actor),
                        Optional.of(action),
                        Optional.of(registration),
                        Optional.of(T0.plusSeconds(1)))))
                .containsExactly(match);
    }

    @Test
    void find_lists_newest_first_and_ties_in_time_go_to_the_higher_id() {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            events.add(appended(Optional.empty(), T0.plusSeconds(i % 3)));
        }
        events.sort(Fixtures.NEWEST_EVENT_FIRST);

        assertThat(find(query(Optional.of(actor), Optional.empty(), Optional.empty(), Optional.empty())))
                .containsExactlyElementsOf(events);
    }

    @Test
    void keyset_paging_walks_every_event_once_across_many_pages() {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            events.add(appended(Optional.empty(), T0.plusMillis(i / 3)));
        }
        events.sort(Fixtures.NEWEST_EVENT_FIRST);

        List<AuditEvent> walked = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        int pages = 0;
        do {
            Page<AuditEntry> page = auditTrail()
                    .find(new AuditQuery(
                            Optional.of(actor),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            new PageRequest(4, after)));
            walked.addAll(events(page.items()));
            after = page.next();
            pages++;
        } while (after.isPresent() && pages < 100);

        assertThat(walked).containsExactlyElementsOf(events);
        assertThat(pages).isEqualTo(8);
    }

    @Test
    void history_lists_a_registrations_events_oldest_first() {
        RegistrationId registration = RegistrationId.random();
        AuditEvent submitted = appended(Optional.of(registration), T0);
        appended(Optional.of(RegistrationId.random()), T0.plusSeconds(1));
        AuditEvent approved = appended(Optional.of(registration), T0.plusSeconds(2));
        AuditEvent deprecated = appended(Optional.of(registration), T0.plusSeconds(3));

        assertThat(events(auditTrail().history(registration))).containsExactly(submitted, approved, deprecated);
    }

    @Test
    void a_registration_without_events_has_an_empty_history() {
        assertThat(auditTrail().history(RegistrationId.random())).isEmpty();
    }

    @Test
    void verification_finds_an_intact_chain_covering_every_event() {
        ChainVerification before = auditTrail().verify();
        appended(Optional.empty(), T0);
        appended(Optional.of(RegistrationId.random()), T0.plusSeconds(1));
        appended(Optional.empty(), T0.plusSeconds(2));

        ChainVerification after = auditTrail().verify();

        assertThat(before.intact()).isTrue();
        assertThat(after.intact()).isTrue();
        assertThat(after.firstBrokenEvent()).isEmpty();
        assertThat(after.eventsChecked()).isEqualTo(before.eventsChecked() + 3);
    }

    private AuditEvent edited(UserId by, RegistrationId registration, List<FieldChange> changes) {
        return appended(anAuditEvent()
                .at(T0)
                .by(by)
                .withAction(action)
                .about(registration)
                .from(RegistrationStatus.REJECTED)
                .to(RegistrationStatus.PENDING)
                .withRequestId("req-" + UUID.randomUUID())
                .withChanges(changes)
                .build());
    }

    @Test
    void an_events_changed_fields_are_stored_and_read_back_in_order() {
        RegistrationId registration = RegistrationId.random();
        List<FieldChange> changes = List.of(
                FieldChange.of("title", Optional.of("Ledger – “old”"), Optional.of("Ledger \\ 'new'")),
                FieldChange.of("repository_url", Optional.empty(), Optional.of("https://example.com/r")),
                FieldChange.of("documentation_url", Optional.of("https://example.com/d"), Optional.empty()),
                FieldChange.secret("api_key"));
        AuditEvent event = edited(actor, registration, changes);

        assertThat(find(query(Optional.of(actor), Optional.empty(), Optional.empty(), Optional.empty())))
                .containsExactly(event);
        assertThat(events(auditTrail().history(registration))).containsExactly(event);
        assertThat(event.changes()).isEqualTo(changes);
    }

    @Test
    void events_are_read_with_their_actors_name_and_email() {
        User known = users().save(Fixtures.user());
        User withoutEmail = users().save(aUser().withEmail(Optional.empty())
                .withDisplayName("No Mail " + Fixtures.unique())
                .build());
        RegistrationId registration = RegistrationId.random();
        appended(event(known.id(), action, Optional.of(registration), T0));
        appended(event(withoutEmail.id(), action, Optional.of(registration), T0.plusSeconds(1)));
        appended(event(actor, action, Optional.of(registration), T0.plusSeconds(2)));
        appended(anAuditEvent()
                .at(T0.plusSeconds(3))
                .withAction(action)
                .about(registration)
                .build());

        List<Optional<User.Profile>> expected = List.of(
                Optional.of(known.profile()), Optional.of(withoutEmail.profile()), Optional.empty(), Optional.empty());
        assertThat(auditTrail().history(registration))
                .extracting(AuditEntry::actor)
                .containsExactlyElementsOf(expected);
        assertThat(auditTrail()
                        .find(query(Optional.empty(), Optional.of(action), Optional.of(registration), Optional.empty()))
                        .items())
                .extracting(AuditEntry::actor)
                .containsExactly(expected.get(3), expected.get(2), expected.get(1), expected.get(0));
        assertThat(known.profile().email()).isPresent();
    }

    @Test
    void a_chain_of_events_with_and_without_changed_fields_verifies() {
        appended(Optional.of(RegistrationId.random()), T0);
        edited(actor, RegistrationId.random(), List.of(FieldChange.of("title", Optional.of("a"), Optional.of("b"))));
        edited(actor, RegistrationId.random(), List.of(FieldChange.secret("api_key")));
        appended(Optional.empty(), T0.plusSeconds(1));

        ChainVerification verification = auditTrail().verify();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.firstBrokenEvent()).isEmpty();
    }

    @Test
    void the_head_counts_every_event_names_the_newest_ones_key_and_a_checkpoint_of_it_verifies() {
        AuditHead before = auditTrail().head();
        appended(Optional.empty(), T0);
        appended(Optional.of(RegistrationId.random()), T0.plusSeconds(1));

        AuditHead after = auditTrail().head();
        AuditCheckpoint checkpoint = auditTrail().chain().checkpoint(after.events(), after.hash(), T0);

        assertThat(after.events()).isEqualTo(before.events() + 2);
        assertThat(after.hash()).isNotEqualTo(before.hash()).matches("[0-9a-f]{64}");
        assertThat(auditTrail().chain().keys().current()).isPresent();
        assertThat(auditTrail().newest())
                .contains(new AuditChain.Link(
                        auditTrail().chain().keys().current().map(key -> key.id()), after.hash()));
        ChainVerification verification = auditTrail().verify(List.of(checkpoint));
        assertThat(verification.intact()).isTrue();
        assertThat(verification.eventsChecked()).isEqualTo(after.events());
        assertThat(verification.checkpointsChecked()).isEqualTo(1);
    }
}
