package com.mcpregistry.postgres.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.checks.CheckOutcome;
import com.mcpregistry.checks.DueCheck;
import com.mcpregistry.contract.FailingAuditTrail;
import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.checks.CheckedRemote;
import com.mcpregistry.domain.checks.Health;
import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.ServerInfo;
import com.mcpregistry.domain.checks.Tool;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.PublishRules;
import com.mcpregistry.domain.serverjson.Remote;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.serverjson.UrlTemplate;
import com.mcpregistry.domain.serverjson.Variables;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.testing.TestClock;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.limits.service.SubmissionQuotas;
import com.mcpregistry.postgres.PostgresAdapters;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.postgres.shared.Timestamps;
import com.mcpregistry.publication.PublishedServer;
import com.mcpregistry.publication.PublishedServerPage;
import com.mcpregistry.publication.PublishedServerQuery;
import com.mcpregistry.publication.port.out.PublishedServers;
import com.mcpregistry.registration.port.in.DeleteRegistrationUseCase.DeleteRegistration;
import com.mcpregistry.registration.port.in.ReviewRegistrationUseCase.ChangeStatus;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.IdempotencyKey;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.SubmitRegistration;
import com.mcpregistry.registration.port.out.IdempotencyKeys;
import com.mcpregistry.registration.service.CheckScheduling;
import com.mcpregistry.registration.service.RegistrationService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The registration use cases keep the check schedule in step on PostgreSQL ({@link CheckScheduling} over
 * {@link JdbiCheckRepository}): a submitted version's remotes are checked once, at once; an approved one's
 * periodically, with what the latest check that reached each remote saw kept as its approval snapshot; a deleted one's
 * not at all. Every schedule change is part of the write's transaction: a write that fails leaves the schedule as it
 * was.
 */
class CheckSchedulingOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    private final PostgresAdapters adapters = database.adapters();
    private final TestClock clock = TestClock.systemTime();
    private final RegistrationService service =
            serviceWith(adapters.auditTrail(), adapters.idempotencyKeys(), adapters.publishedServers());

    private User submitter;
    private Actor admin;
    private String namespace;
    private CheckedRemote streamable;
    private CheckedRemote sse;

    @BeforeEach
    void givenASubmitterAnAdminAndAServerWithTwoRemotes() {
        submitter = adapters.users().save(Fixtures.user());
        admin = adapters.users().save(Fixtures.user()).actor(true);
        namespace = Fixtures.namespace();
        streamable = new CheckedRemote("https://" + namespace + ".example.com/mcp", RemoteTransport.STREAMABLE_HTTP);
        sse = new CheckedRemote("https://sse." + namespace + ".example.com/sse", RemoteTransport.SSE);
    }

    private RegistrationService serviceWith(
            AuditTrail auditTrail, IdempotencyKeys idempotencyKeys, PublishedServers publishedServers) {
        return new RegistrationService(
                adapters.registrations(),
                publishedServers,
                auditTrail,
                idempotencyKeys,
                adapters.transactions(),
                clock,
                SubmissionQuotas.NONE,
                database.ownership(),
                PublishRules.STRICT,
                new CheckScheduling(adapters.checks()));
    }

    /** A submission of the server with its two remotes, in that order. */
    private SubmitRegistration submission(Optional<IdempotencyKey> idempotencyKey) {
        ServerDefinition seed = Fixtures.details(streamable.url()).definition();
        ServerDefinition twoRemotes = new ServerDefinition(
                seed.description(),
                seed.title(),
                seed.websiteUrl(),
                seed.repository(),
                seed.icons(),
                seed.packages(),
                List.of(
                        new Remote(
                                streamable.transport(), new UrlTemplate(streamable.url()), List.of(), Variables.NONE),
                        new Remote(sse.transport(), new UrlTemplate(sse.url()), List.of(), Variables.NONE)),
                seed.publisherMeta());
        return new SubmitRegistration(
                submitter.actor(false),
                new ServerName(namespace + "/checked"),
                Version.DEFAULT,
                Fixtures.details(twoRemotes),
                idempotencyKey,
                Optional.of("req-submit"));
    }

    private ChangeStatus approval(RegistrationId id) {
        return new ChangeStatus(
                admin, id, RegistrationStatus.APPROVED, Optional.empty(), Optional.empty(), Optional.of("req-approve"));
    }

    private DeleteRegistration deletion(RegistrationId id) {
        return new DeleteRegistration(admin, id, Optional.empty(), Optional.of("req-delete"));
    }

    /** A remote's row of {@code check_schedule}: whether it is checked periodically, and when next. */
    private record ScheduleRow(String remoteUrl, boolean periodic, Optional<Instant> nextDueAt) {}

    private List<ScheduleRow> scheduleRows(RegistrationId registration) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT remote_url, periodic, next_due_at FROM check_schedule"
                                + " WHERE registration_id = :registration_id ORDER BY scheduled_order")
                        .bind("registration_id", registration.value())
                        .map((rs, ctx) -> new ScheduleRow(
                                rs.getString("remote_url"),
                                rs.getBoolean("periodic"),
                                Timestamps.readOptional(rs, "next_due_at")))
                        .list());
    }

    /** How many schedule rows the registrations of this test's server have. */
    private long scheduleRowsOfTheServer() {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT count(*) FROM check_schedule AS s"
                                + " JOIN registrations AS r ON r.id = s.registration_id WHERE r.server_name = :name")
                        .bind("name", namespace + "/checked")
                        .mapTo(Long.class)
                        .one());
    }

    private static ToolSet tools(String description) {
        return new ToolSet(List.of(new Tool(
                "lookup",
                Optional.empty(),
                Optional.of(description),
                "{\"type\":\"object\"}",
                Optional.empty(),
                Optional.empty())));
    }

    private static ProbeReport reachable(ToolSet tools) {
        return new ProbeReport(
                ProbeOutcome.REACHABLE,
                Duration.ofMillis(40),
                Optional.of("2025-06-18"),
                Optional.of(new ServerInfo("checked", "1.0.0")),
                Optional.of("{\"tools\":{}}"),
                tools,
                0,
                0,
                List.of(),
                Optional.empty());
    }

    /** Records a check of {@code remote} that found {@code report} at {@code at}, as a worker asked for it does. */
    private void checked(RegistrationId registration, CheckedRemote remote, Instant at, ProbeReport report) {
        DueCheck due = adapters.checks().scheduled(registration).stream()
                .filter(scheduled -> scheduled.remote().equals(remote))
                .findFirst()
                .orElseThrow();
        int failures = report.outcome().answered() ? 0 : due.failuresInARow() + 1;
        adapters.checks()
                .record(
                        new RemoteCheck(registration, remote.url(), at, report),
                        new CheckOutcome(
                                Optional.empty(),
                                failures,
                                Health.after(due.health(), report.outcome(), failures),
                                at.plus(Duration.ofMinutes(15))),
                        100);
    }

    private static ProbeReport timedOut() {
        return ProbeReport.failed(ProbeOutcome.TIMEOUT, Duration.ofSeconds(20), "no answer");
    }

    @Test
    void a_submission_schedules_each_remote_due_at_once_and_checked_once() {
        Registration submitted = service.submit(submission(Optional.empty()));

        assertThat(adapters.checks().scheduled(submitted.id()))
                .containsExactly(DueCheck.firstOf(submitted.id(), streamable), DueCheck.firstOf(submitted.id(), sse));
        Optional<Instant> now = Optional.of(submitted.createdAt());
        assertThat(scheduleRows(submitted.id()))
                .containsExactly(new ScheduleRow(streamable.url(), false, now), new ScheduleRow(sse.url(), false, now));

        checked(submitted.id(), streamable, submitted.createdAt().plusSeconds(1), reachable(tools("v1")));

        assertThat(scheduleRows(submitted.id()))
                .containsExactly(
                        new ScheduleRow(streamable.url(), false, Optional.empty()),
                        new ScheduleRow(sse.url(), false, now));
    }

    @Test
    void an_approval_checks_the_remotes_periodically_and_keeps_what_the_latest_check_that_reached_each_saw() {
        Registration submitted = service.submit(submission(Optional.empty()));
        Instant t = submitted.createdAt();
        checked(submitted.id(), streamable, t.plusSeconds(1), reachable(tools("first answer")));
        checked(submitted.id(), streamable, t.plusSeconds(2), reachable(tools("latest answer")));
        checked(submitted.id(), streamable, t.plusSeconds(3), timedOut());
        checked(submitted.id(), sse, t.plusSeconds(1), timedOut());

        Registration approved = service.changeStatus(approval(submitted.id()));

        Optional<Instant> dueNow = Optional.of(approved.updatedAt());
        assertThat(scheduleRows(submitted.id()))
                .containsExactly(
                        new ScheduleRow(streamable.url(), true, dueNow), new ScheduleRow(sse.url(), true, dueNow));
        assertThat(adapters.checks().approvalSnapshot(submitted.id(), streamable.url()))
                .contains(tools("latest answer"));
        assertThat(adapters.checks().approvalSnapshot(submitted.id(), sse.url()))
                .as("no check reached it: the first that does after the approval is the snapshot")
                .isEmpty();
        assertThat(adapters.checks().statuses(List.of(submitted.id())).get(submitted.id()))
                .extracting(status -> status.remoteUrl() + " " + status.health() + " " + status.drifted())
                .containsExactly(streamable.url() + " HEALTHY false", sse.url() + " UNKNOWN false");
    }

    @Test
    void a_deletion_stops_checking_the_remotes_and_keeps_their_checks() {
        Registration submitted = service.submit(submission(Optional.empty()));
        service.changeStatus(approval(submitted.id()));
        checked(submitted.id(), streamable, submitted.createdAt().plusSeconds(1), reachable(tools("v1")));

        service.delete(deletion(submitted.id()));

        assertThat(adapters.checks().scheduled(submitted.id())).isEmpty();
        assertThat(adapters.checks().recent(submitted.id(), 10)).hasSize(1);
    }

    @Test
    void a_submission_whose_audit_event_fails_schedules_nothing() {
        RegistrationService failing = serviceWith(
                FailingAuditTrail.failingOver(adapters.auditTrail()),
                adapters.idempotencyKeys(),
                adapters.publishedServers());

        assertThatThrownBy(() -> failing.submit(submission(Optional.empty()))).hasMessage(FailingAuditTrail.MESSAGE);

        assertThat(scheduleRowsOfTheServer()).isZero();
    }

    @Test
    void a_submission_that_fails_after_its_remotes_were_scheduled_leaves_no_schedule() {
        RegistrationService failing = serviceWith(
                adapters.auditTrail(),
                new IdempotencyKeysFailingToRemember(adapters.idempotencyKeys()),
                adapters.publishedServers());

        assertThatThrownBy(() ->
                        failing.submit(submission(Optional.of(new IdempotencyKey("key-" + namespace, "f".repeat(64))))))
                .hasMessage(IdempotencyKeysFailingToRemember.MESSAGE);

        assertThat(scheduleRowsOfTheServer()).isZero();
    }

    @Test
    void an_approval_that_fails_after_the_schedule_changed_leaves_it_checked_once_and_keeps_no_snapshot() {
        Registration submitted = service.submit(submission(Optional.empty()));
        checked(submitted.id(), streamable, submitted.createdAt().plusSeconds(1), reachable(tools("v1")));
        List<ScheduleRow> before = scheduleRows(submitted.id());
        RegistrationService failing = serviceWith(
                adapters.auditTrail(), adapters.idempotencyKeys(), new PublicationFailing(adapters.publishedServers()));

        assertThatThrownBy(() -> failing.changeStatus(approval(submitted.id()))).hasMessage(PublicationFailing.MESSAGE);

        assertThat(scheduleRows(submitted.id())).isEqualTo(before);
        assertThat(adapters.checks().approvalSnapshot(submitted.id(), streamable.url()))
                .isEmpty();
    }

    @Test
    void a_deletion_that_fails_after_the_remotes_were_unscheduled_leaves_them_checked_periodically() {
        Registration submitted = service.submit(submission(Optional.empty()));
        service.changeStatus(approval(submitted.id()));
        List<ScheduleRow> before = scheduleRows(submitted.id());
        RegistrationService failing = serviceWith(
                adapters.auditTrail(), adapters.idempotencyKeys(), new PublicationFailing(adapters.publishedServers()));

        assertThatThrownBy(() -> failing.delete(deletion(submitted.id()))).hasMessage(PublicationFailing.MESSAGE);

        assertThat(scheduleRows(submitted.id())).isEqualTo(before).hasSize(2);
    }

    /** Idempotency keys that fail to remember a submission: the last write of a submission, after its schedule. */
    private static final class IdempotencyKeysFailingToRemember implements IdempotencyKeys {
        static final String MESSAGE = "remembering the idempotency key failed";
        private final IdempotencyKeys stored;

        IdempotencyKeysFailingToRemember(IdempotencyKeys stored) {
            this.stored = stored;
        }

        @Override
        public Optional<Remembered> find(UserId owner, String key) {
            return stored.find(owner, key);
        }

        @Override
        public Optional<Remembered> claim(UserId owner, String key) {
            return stored.claim(owner, key);
        }

        @Override
        public void remember(UserId owner, String key, Remembered remembered, Instant at) {
            throw new IllegalStateException(MESSAGE);
        }
    }

    /** A read model whose update fails: the last write of a review or delete, after the schedule's. */
    private static final class PublicationFailing implements PublishedServers {
        static final String MESSAGE = "updating what is published failed";
        private final PublishedServers stored;

        PublicationFailing(PublishedServers stored) {
            this.stored = stored;
        }

        @Override
        public void lock(ServerName serverName) {
            stored.lock(serverName);
        }

        @Override
        public void markPublished(RegistrationId id, Instant at) {
            throw new IllegalStateException(MESSAGE);
        }

        @Override
        public void markLatest(ServerName serverName, Optional<RegistrationId> latest, Instant changedAt) {
            throw new IllegalStateException(MESSAGE);
        }

        @Override
        public PublishedServerPage list(PublishedServerQuery query) {
            return stored.list(query);
        }

        @Override
        public List<PublishedServer> versions(ServerName serverName, boolean includeDeleted) {
            return stored.versions(serverName, includeDeleted);
        }

        @Override
        public Optional<PublishedServer> version(ServerName serverName, Version version, boolean includeDeleted) {
            return stored.version(serverName, version, includeDeleted);
        }

        @Override
        public Optional<PublishedServer> latest(ServerName serverName) {
            return stored.latest(serverName);
        }
    }
}
