package com.mcpregistry.contract;

import static com.mcpregistry.contract.Fixtures.T0;
import static com.mcpregistry.contract.Fixtures.action;
import static com.mcpregistry.contract.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.registration.RegistrationId;
import com.mcpregistry.domain.registration.RegistrationStatus;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.port.Cursor;
import com.mcpregistry.port.Page;
import com.mcpregistry.port.PageRequest;
import com.mcpregistry.port.out.AuditQuery;
import com.mcpregistry.port.out.AuditTrail;
import com.mcpregistry.port.out.ChainVerification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditTrail} guarantees. The trail may hold events of other tests (all of them chained), so
 * each test filters by an actor or action of its own.
 */
public abstract class AuditTrailContract {

    protected abstract AuditTrail auditTrail();

    private UserId actor;
    private String action;

    @BeforeEach
    void givenAnActorAndAnActionOfThisTest() {
        actor = UserId.random();
        action = action();
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
            Optional<String> action,
            Optional<RegistrationId> registration,
            Optional<Instant> since) {
        return new AuditQuery(actor, action, registration, since, PageRequest.first(100));
    }

    private List<AuditEvent> find(AuditQuery query) {
        return auditTrail().find(query).items();
    }

    @Test
    void an_appended_event_is_found_with_every_field() {
        AuditEvent event = appended(new AuditEvent(
                UUID.randomUUID(),
                T0,
                Optional.of(actor),
                action,
                Optional.of(RegistrationId.random()),
                Optional.of(RegistrationStatus.APPROVED),
                Optional.of(RegistrationStatus.DEPRECATED),
                Optional.of("Superseded by 2.0 – “see” notes; 'quotes' and \\ stay"),
                Optional.of("req-" + UUID.randomUUID())));

        assertThat(find(query(Optional.of(actor), Optional.empty(), Optional.empty(), Optional.empty())))
                .containsExactly(event);
    }

    @Test
    void an_event_without_actor_registration_or_statuses_is_kept() {
        AuditEvent event = appended(new AuditEvent(
                UUID.randomUUID(),
                T0,
                Optional.empty(),
                action,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));

        assertThat(find(query(Optional.empty(), Optional.of(action), Optional.empty(), Optional.empty())))
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
        AuditEvent mine = appended(Optional.empty(), T0);
        appended(event(actor, action(), Optional.empty(), T0));

        assertThat(find(query(Optional.empty(), Optional.of(action), Optional.empty(), Optional.empty())))
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
        appended(event(actor, action(), Optional.of(registration), T0.plusSeconds(5)));
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
            Page<AuditEvent> page = auditTrail()
                    .find(new AuditQuery(
                            Optional.of(actor),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            new PageRequest(4, after)));
            walked.addAll(page.items());
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

        assertThat(auditTrail().history(registration)).containsExactly(submitted, approved, deprecated);
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
}
