package com.mcpregistry.postgres.registration;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.contract.FailingAuditTrail;
import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.error.AlreadyTaken;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.testing.TestClock;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.paging.Page;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.postgres.PostgresAdapters;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.registration.port.in.ReviewRegistrationUseCase.ChangeStatus;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.IdempotencyKey;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.SubmitRegistration;
import com.mcpregistry.registration.port.out.RegistrationQuery;
import com.mcpregistry.registration.service.RegistrationService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The registration use cases over the PostgreSQL adapters: races and failures that only a real database shows. */
class RegistrationServiceOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    private final PostgresAdapters adapters = database.adapters();
    private final TestClock clock = TestClock.systemTime();
    private final RegistrationService service = new RegistrationService(
            adapters.registrations(),
            adapters.publishedServers(),
            adapters.auditTrail(),
            adapters.idempotencyKeys(),
            adapters.transactions(),
            clock,
            database.ownership());
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    private User submitter;
    private Actor admin;
    private String namespace;

    @BeforeEach
    void givenASubmitterAndAnAdmin() {
        submitter = adapters.users().save(Fixtures.user());
        admin = adapters.users().save(Fixtures.user()).actor(true);
        namespace = Fixtures.namespace();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private SubmitRegistration submission(String local, Optional<String> requestId) {
        return new SubmitRegistration(
                submitter.actor(false),
                new ServerName(namespace + "/" + local),
                Version.DEFAULT,
                Fixtures.details("https://" + namespace + ".example.com/" + local),
                Optional.empty(),
                requestId);
    }

    private List<Registration> submittersRegistrations() {
        Page<Registration> page = adapters.registrations()
                .find(new RegistrationQuery(
                        Fixtures.mineOf(submitter.id()), Optional.empty(), Optional.empty(), PageRequest.first(100)));
        return page.items();
    }

    private ChangeStatus review(RegistrationId id, RegistrationStatus target) {
        Optional<Reason> reason =
                target == RegistrationStatus.REJECTED ? Optional.of(new Reason("not ready")) : Optional.empty();
        return new ChangeStatus(admin, id, target, reason, Optional.empty(), Optional.of("req-" + target));
    }

    @Test
    void of_two_concurrent_reviews_of_one_registration_exactly_one_wins_with_one_audit_event() throws Exception {
        Registration submitted = service.submit(submission("tools", Optional.empty()));
        // Both reviews read the registration before either writes: each waits for the other at the clock.
        clock.gate(new CyclicBarrier(2));

        Future<Registration> approve =
                threads.submit(() -> service.changeStatus(review(submitted.id(), RegistrationStatus.APPROVED)));
        Future<Registration> reject =
                threads.submit(() -> service.changeStatus(review(submitted.id(), RegistrationStatus.REJECTED)));
        List<Registration> winners = new ArrayList<>();
        List<Throwable> losers = new ArrayList<>();
        for (Future<Registration> review : List.of(approve, reject)) {
            try {
                winners.add(review.get(30, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                losers.add(e.getCause());
            }
        }

        assertThat(winners).hasSize(1);
        assertThat(losers).singleElement().isInstanceOf(Conflict.class);
        Registration stored = adapters.registrations().findById(submitted.id()).orElseThrow();
        assertThat(stored).isEqualTo(winners.get(0));
        assertThat(stored.rowVersion()).isEqualTo(2);
        List<AuditEvent> history = adapters.auditTrail().history(submitted.id()).stream()
                .map(AuditEntry::event)
                .toList();
        assertThat(history)
                .extracting(e -> e.action().wireName())
                .containsExactly("submit", stored.status() == RegistrationStatus.APPROVED ? "approve" : "reject");
        assertThat(adapters.auditTrail().verify().intact()).isTrue();
    }

    @Test
    void of_two_concurrent_submissions_of_one_endpoint_for_different_servers_exactly_one_wins() throws Exception {
        String endpoint = "https://" + namespace + ".example.com/contested";
        Registration first = Fixtures.pending(submitter.id(), namespace + "/first", "1.0.0", endpoint, T0);
        Registration second = Fixtures.pending(submitter.id(), namespace + "/second", "1.0.0", endpoint, T0);
        CountDownLatch firstInserted = new CountDownLatch(1);

        Future<?> slow = threads.submit(() -> adapters.transactions().inTransaction(() -> {
            adapters.registrations().insert(first);
            firstInserted.countDown();
            // Still uncommitted while the second insert arrives: the constraint must make it wait, not pass.
            sleep(300);
            return null;
        }));
        Future<?> fast = threads.submit(() -> {
            await(firstInserted);
            adapters.registrations().insert(second);
            return null;
        });

        slow.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> fast.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(AlreadyTaken.class)
                .hasMessageContaining("remote URL");
        assertThat(adapters.registrations().findById(first.id())).contains(first);
        assertThat(adapters.registrations().findById(second.id())).isEmpty();
    }

    @Test
    void concurrent_submissions_with_one_idempotency_key_create_one_registration_and_all_answer_it() throws Exception {
        int clients = 8; // within the test pool's 10 connections
        ExecutorService many = Executors.newFixedThreadPool(clients);
        CyclicBarrier together = new CyclicBarrier(clients);
        SubmitRegistration submission = new SubmitRegistration(
                submitter.actor(false),
                new ServerName(namespace + "/retried"),
                Version.DEFAULT,
                Fixtures.details("https://" + namespace + ".example.com/retried"),
                Optional.of(new IdempotencyKey("retry-" + namespace, "d".repeat(64))),
                Optional.empty());
        try {
            List<Future<Registration>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(many.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return service.submit(submission);
                }));
            }
            List<RegistrationId> answered = new ArrayList<>();
            for (Future<Registration> answer : answers) {
                answered.add(answer.get(60, TimeUnit.SECONDS).id());
            }

            assertThat(answered).hasSize(clients).containsOnly(answered.get(0));
            assertThat(submittersRegistrations()).extracting(Registration::id).containsExactly(answered.get(0));
            assertThat(adapters.auditTrail().history(answered.get(0))).hasSize(1);
        } finally {
            many.shutdownNow();
        }
    }

    @Test
    void an_endpoint_clash_is_explained_after_the_transaction_it_ended() {
        Registration holder = service.submit(submission("held", Optional.empty()));
        SubmitRegistration respelt = new SubmitRegistration(
                admin,
                new ServerName(namespace + "/other"),
                Version.DEFAULT,
                Fixtures.details("https://" + namespace.toUpperCase(java.util.Locale.ROOT) + ".example.com:443/held/"),
                Optional.empty(),
                Optional.empty());

        assertThatThrownBy(() -> service.submit(respelt))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("belongs to server " + namespace + "/held: registration " + holder.id());
    }

    @Test
    void a_failure_after_the_registration_change_but_before_the_audit_insert_leaves_nothing() {
        ChainVerification before = adapters.auditTrail().verify();
        RegistrationService failing = new RegistrationService(
                adapters.registrations(),
                adapters.publishedServers(),
                FailingAuditTrail.failingOver(adapters.auditTrail()),
                adapters.idempotencyKeys(),
                adapters.transactions(),
                clock,
                database.ownership());

        assertThatThrownBy(() -> failing.submit(submission("lost", Optional.empty())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(FailingAuditTrail.MESSAGE);

        assertThat(submittersRegistrations()).isEmpty();
        assertThat(adapters.serverOwners().find(new ServerName(namespace + "/lost")))
                .as("the new server's first owner goes with its registration")
                .isEmpty();
        assertThat(adapters.auditTrail().verify()).isEqualTo(before);
    }

    @Test
    void a_failed_review_leaves_the_registration_as_it_was() {
        Registration submitted = service.submit(submission("kept", Optional.empty()));
        RegistrationService failing = new RegistrationService(
                adapters.registrations(),
                adapters.publishedServers(),
                FailingAuditTrail.failingOver(adapters.auditTrail()),
                adapters.idempotencyKeys(),
                adapters.transactions(),
                clock,
                database.ownership());

        assertThatThrownBy(() -> failing.changeStatus(review(submitted.id(), RegistrationStatus.APPROVED)))
                .hasMessage(FailingAuditTrail.MESSAGE);

        assertThat(adapters.registrations().findById(submitted.id())).contains(submitted);
        assertThat(adapters.auditTrail().history(submitted.id()))
                .extracting(entry -> entry.event().action().wireName())
                .containsExactly("submit");
    }

    @Test
    void an_audit_event_the_database_refuses_undoes_the_registration_it_records() {
        String hugeRequestId = "r".repeat(300);

        assertThatThrownBy(() -> service.submit(submission("refused", Optional.of(hugeRequestId))))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("request_id");

        assertThat(submittersRegistrations()).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the first insert never happened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
