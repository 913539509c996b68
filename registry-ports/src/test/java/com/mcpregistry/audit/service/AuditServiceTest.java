package com.mcpregistry.audit.service;

import static com.mcpregistry.domain.shared.RegistrationStatus.APPROVED;
import static com.mcpregistry.domain.testing.ServerDetailsTestData.someDetails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.domain.audit.AuditCheckpoint;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.audit.AuditKey;
import com.mcpregistry.domain.audit.AuditKeys;
import com.mcpregistry.domain.error.Forbidden;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.testing.TestClock;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.inmemory.InMemoryDatabase;
import com.mcpregistry.inmemory.InMemoryOwnership;
import com.mcpregistry.paging.Cursor;
import com.mcpregistry.paging.Page;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.registration.port.in.ReviewRegistrationUseCase.ChangeStatus;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.SubmitRegistration;
import com.mcpregistry.registration.service.RegistrationService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditServiceTest {

    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final InMemoryDatabase db = new InMemoryDatabase(new AuditChain(AuditKeys.of(AuditKey.random("k1"))));
    private final RegistrationService registrations = new RegistrationService(
            db.registrationRepository(),
            db.publishedServers(),
            db.auditTrail(),
            db.idempotencyKeys(),
            db,
            clock,
            InMemoryOwnership.openOver(db));
    private final AuditService service = new AuditService(db.auditTrail(), clock);

    private final Actor alice = new Actor(UserId.random(), false);
    private final Actor admin = new Actor(UserId.random(), true);

    private Registration submit(Actor actor, String name) {
        Registration r = registrations.submit(new SubmitRegistration(
                actor,
                new ServerName(name),
                Version.DEFAULT,
                someDetails()
                        .withTitle("T")
                        .withDescription("D")
                        .withEndpointUrl("https://" + name.replace('/', '.') + ".example.com/")
                        .withTransport(RemoteTransport.SSE)
                        .withOwnerContact("o@contoso.com")
                        .build(),
                Optional.empty(),
                Optional.empty()));
        clock.advance(Duration.ofSeconds(1));
        return r;
    }

    private void approve(RegistrationId id) {
        registrations.changeStatus(
                new ChangeStatus(admin, id, APPROVED, Optional.empty(), Optional.empty(), Optional.empty()));
        clock.advance(Duration.ofSeconds(1));
    }

    private static AuditQuery query(
            Optional<UserId> actor,
            Optional<AuditAction> action,
            Optional<RegistrationId> registration,
            Optional<Instant> since) {
        return new AuditQuery(actor, action, registration, since, PageRequest.first(100));
    }

    /** The events an administrator reads for {@code query}. */
    private List<AuditEvent> eventsFor(AuditQuery query) {
        return service.query(admin, query).items().stream()
                .map(AuditEntry::event)
                .toList();
    }

    private static AuditQuery everything() {
        return query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void only_admins_read_the_audit_trail() {
        submit(alice, "com.contoso/ledger");

        assertThatThrownBy(() -> service.query(alice, everything())).isInstanceOf(Forbidden.class);
        assertThat(eventsFor(everything())).hasSize(1);
    }

    @Test
    void events_come_newest_first() {
        Registration a = submit(alice, "com.contoso/a");
        approve(a.id());
        submit(alice, "com.contoso/b");

        assertThat(eventsFor(everything()))
                .extracting(e -> e.action().wireName())
                .containsExactly("submit", "approve", "submit");
        assertThat(eventsFor(everything()))
                .extracting(AuditEvent::at)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void events_filter_by_actor_action_registration_and_time() {
        Registration a = submit(alice, "com.contoso/a");
        Instant afterFirst = clock.instant();
        Registration b = submit(alice, "com.contoso/b");
        approve(a.id());
        approve(b.id());

        assertThat(eventsFor(query(Optional.of(admin.userId()), Optional.empty(), Optional.empty(), Optional.empty())))
                .extracting(e -> e.action().wireName())
                .containsExactly("approve", "approve");
        assertThat(eventsFor(
                        query(Optional.empty(), Optional.of(AuditAction.SUBMIT), Optional.empty(), Optional.empty())))
                .extracting(AuditEvent::registrationId)
                .containsExactly(Optional.of(b.id()), Optional.of(a.id()));
        assertThat(eventsFor(query(Optional.empty(), Optional.empty(), Optional.of(a.id()), Optional.empty())))
                .extracting(e -> e.action().wireName())
                .containsExactly("approve", "submit");
        assertThat(eventsFor(query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(afterFirst))))
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.at()).isAfterOrEqualTo(afterFirst));
        assertThat(eventsFor(query(
                        Optional.of(alice.userId()),
                        Optional.of(AuditAction.APPROVE),
                        Optional.empty(),
                        Optional.empty())))
                .isEmpty();
    }

    @Test
    void paging_through_the_audit_trail_visits_every_event_once() {
        for (int i = 0; i < 5; i++) {
            approve(submit(alice, "com.contoso/s" + i).id());
        }
        List<UUID> all = service.query(admin, everything()).items().stream()
                .map(AuditEntry::event)
                .map(AuditEvent::id)
                .toList();

        List<UUID> paged = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        do {
            Page<AuditEntry> page = service.query(
                    admin,
                    new AuditQuery(
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            new PageRequest(3, after)));
            page.items().forEach(e -> paged.add(e.event().id()));
            after = page.next();
        } while (after.isPresent());

        assertThat(all).hasSize(10);
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void the_chain_of_an_empty_trail_is_intact() {
        ChainVerification verification = service.verifyChain(List.of());

        assertThat(verification.intact()).isTrue();
        assertThat(verification.eventsChecked()).isZero();
    }

    @Test
    void the_chain_over_every_event_written_is_intact() {
        Registration a = submit(alice, "com.contoso/a");
        approve(a.id());
        submit(alice, "com.contoso/b");

        ChainVerification verification = service.verifyChain(List.of());

        assertThat(verification.intact()).isTrue();
        assertThat(verification.firstBrokenEvent()).isEmpty();
        assertThat(verification.eventsChecked()).isEqualTo(3);
    }

    @Test
    void a_chain_verification_with_a_broken_event_is_not_intact() {
        UUID broken = UUID.randomUUID();

        assertThat(new ChainVerification(
                                4, 0, 0, Optional.of(new ChainVerification.Break(Optional.of(broken), "altered")))
                        .intact())
                .isFalse();
    }

    @Test
    void a_checkpoint_states_the_trails_count_and_head_now_signed_and_verifies_against_the_trail() {
        submit(alice, "com.contoso/a");
        submit(alice, "com.contoso/b");

        AuditCheckpoint checkpoint = service.checkpoint().orElseThrow();

        assertThat(checkpoint.events()).isEqualTo(2);
        assertThat(checkpoint.head()).isEqualTo(service.head().hash());
        assertThat(checkpoint.at()).isEqualTo(clock.instant());
        assertThat(checkpoint.keyId()).isEqualTo("k1");
        ChainVerification verification = service.verifyChain(AuditCheckpoint.findIn(checkpoint.statement()));
        assertThat(verification.intact()).isTrue();
        assertThat(verification.checkpointsChecked()).isEqualTo(1);
    }

    @Test
    void a_trail_without_a_key_has_no_checkpoint_but_a_head() {
        InMemoryDatabase unkeyed = new InMemoryDatabase();
        AuditService unkeyedService = new AuditService(unkeyed.auditTrail(), clock);

        assertThat(unkeyedService.checkpoint()).isEmpty();
        assertThat(unkeyedService.head().events()).isZero();
    }
}
