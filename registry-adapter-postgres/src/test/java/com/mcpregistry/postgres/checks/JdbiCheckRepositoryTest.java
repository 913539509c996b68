package com.mcpregistry.postgres.checks;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.checks.CheckOutcome;
import com.mcpregistry.checks.DueCheck;
import com.mcpregistry.checks.port.out.CheckRepository;
import com.mcpregistry.contract.CheckRepositoryContract;
import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.checks.CheckedRemote;
import com.mcpregistry.domain.checks.Health;
import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.RemoteStatus;
import com.mcpregistry.domain.checks.ServerInfo;
import com.mcpregistry.domain.checks.Tool;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.postgres.PostgresAdapters;
import com.mcpregistry.postgres.PostgresPool;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.postgres.shared.Timestamps;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks contract on PostgreSQL, and each method of the repository against the database itself: instances on
 * connections of their own sharing due checks, a dead instance's leases taken up again, a check recorded under a lease
 * that was lost, remotes checked once or periodically, statuses and drift marks, and tools coming back byte for
 * byte. Leasing takes any due row, so each test has a database of its own (a copy of the migrated template).
 */
class JdbiCheckRepositoryTest extends CheckRepositoryContract {

    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final int KEEP = 100;

    private TestDatabase database;

    private TestDatabase database() {
        if (database == null) {
            database = TestDatabase.migrated();
        }
        return database;
    }

    @AfterEach
    void dropTheDatabaseOfThisTest() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected CheckRepository checks() {
        return database().adapters().checks();
    }

    @Override
    protected RegistrationRepository registrations() {
        return database().adapters().registrations();
    }

    @Override
    protected UserRepository users() {
        return database().adapters().users();
    }

    /** {@code count} stored registrations of one namespace. */
    private List<RegistrationId> registrationsStored(int count) {
        String namespace = Fixtures.namespace();
        var submitter = users().save(Fixtures.user());
        List<RegistrationId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Registration r = Fixtures.pending(
                    submitter.id(), namespace + "/s" + i, "1.0.0", "https://" + namespace + ".example.com/" + i, T0);
            registrations().insert(r);
            ids.add(r.id());
        }
        return ids;
    }

    private RegistrationId aRegistration() {
        return registrationsStored(1).get(0);
    }

    private static CheckedRemote remote(String host) {
        return new CheckedRemote("https://" + host + ".example.com/mcp", RemoteTransport.STREAMABLE_HTTP);
    }

    /** {@code perRegistration} periodic checks of each of {@code registrations}, due at T0 or a little before. */
    private List<DueCheck> scheduled(List<RegistrationId> registrations, int perRegistration) {
        List<DueCheck> due = new ArrayList<>();
        for (RegistrationId id : registrations) {
            for (int i = 0; i < perRegistration; i++) {
                CheckedRemote remote = remote("remote-" + i + "-" + id);
                checks().schedule(id, remote, T0.minusSeconds(i), true);
                due.add(new DueCheck(id, remote, 0, Health.UNKNOWN, Optional.empty(), Optional.empty()));
            }
        }
        return due;
    }

    private static ProbeReport timedOut() {
        return ProbeReport.failed(ProbeOutcome.TIMEOUT, Duration.ofSeconds(20), "no answer in 20 s");
    }

    private static final ToolSet TOOLS = new ToolSet(List.of(tool("lookup", "Looks an entry up")));

    /** What a worker records after a check run under {@code instance}'s lease (none: asked for, not leased). */
    private static CheckOutcome outcome(Optional<String> leasedBy, int failuresInARow, Health health, Instant at) {
        return new CheckOutcome(leasedBy, failuresInARow, health, at.plus(INTERVAL));
    }

    /** Records a check that found {@code remote} answering, run under {@code leasedBy}'s lease (none: asked for). */
    private void recordReachable(
            RegistrationId registration, CheckedRemote remote, Instant at, Optional<String> leasedBy) {
        checks().record(
                        new RemoteCheck(registration, remote.url(), at, reachable(TOOLS)),
                        outcome(leasedBy, 0, Health.HEALTHY, at),
                        KEEP);
    }

    /** A remote's row of {@code check_schedule}, as the database holds it. */
    private record ScheduleRow(
            Optional<Instant> nextDueAt,
            boolean periodic,
            int failuresInARow,
            Health health,
            Optional<String> leasedBy) {

        static ScheduleRow due(Instant at, boolean periodic, int failuresInARow, Health health) {
            return new ScheduleRow(Optional.of(at), periodic, failuresInARow, health, Optional.empty());
        }

        static ScheduleRow notDue(boolean periodic, int failuresInARow, Health health) {
            return new ScheduleRow(Optional.empty(), periodic, failuresInARow, health, Optional.empty());
        }

        ScheduleRow leasedBy(String instance) {
            return new ScheduleRow(nextDueAt, periodic, failuresInARow, health, Optional.of(instance));
        }
    }

    private static final String SCHEDULE_ROWS =
            "SELECT next_due_at, periodic, failures_in_a_row, health, leased_by FROM check_schedule";

    private List<ScheduleRow> scheduleRows(String where, Map<String, Object> values) {
        return database()
                .jdbi()
                .withHandle(handle -> handle.createQuery(SCHEDULE_ROWS + where)
                        .bindMap(values)
                        .map((rs, ctx) -> new ScheduleRow(
                                Timestamps.readOptional(rs, "next_due_at"),
                                rs.getBoolean("periodic"),
                                rs.getInt("failures_in_a_row"),
                                Health.parse("health", rs.getString("health")),
                                Optional.ofNullable(rs.getString("leased_by"))))
                        .list());
    }

    private ScheduleRow scheduleRow(RegistrationId registration, CheckedRemote remote) {
        List<ScheduleRow> rows = scheduleRows(
                " WHERE registration_id = :registration_id AND remote_url = :remote_url",
                Map.of("registration_id", registration.value(), "remote_url", remote.url()));
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    /** The drift marks of every approval snapshot: the hash and the time, or empty. */
    private List<String> driftMarks() {
        return database()
                .jdbi()
                .withHandle(handle -> handle.createQuery("SELECT drift_sha256, drifted_at FROM approval_snapshots")
                        .map((rs, ctx) -> rs.getString("drift_sha256") == null
                                ? "none"
                                : rs.getString("drift_sha256") + " at " + Timestamps.read(rs, "drifted_at"))
                        .list());
    }

    /** A connection pool and adapters of one registry instance: what a second {@code serve} has. */
    private record Instance(HikariDataSource pool, PostgresAdapters adapters) implements AutoCloseable {
        CheckRepository checks() {
            return adapters.checks();
        }

        @Override
        public void close() {
            pool.close();
        }
    }

    private Instance anInstance() {
        HikariDataSource pool = PostgresPool.create(database().poolSettings(1, 4));
        return new Instance(pool, new PostgresAdapters(pool, TestDatabase.SERVER_JSON));
    }

    private static String key(DueCheck check) {
        return check.registrationId() + " " + check.remoteUrl();
    }

    /**
     * Two instances, each on its own pool, work through 200 due checks at once as a worker does: lease a batch,
     * record each check under its lease (due again in 15 minutes), lease the next batch. Each check is leased exactly
     * once, to one of them, both did some of the work, and every lease ended with its check.
     */
    @Test
    void two_instances_working_through_200_due_checks_at_once_lease_each_exactly_once() throws Exception {
        List<DueCheck> due = scheduled(registrationsStored(20), 10);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Instance a = anInstance();
                Instance b = anInstance()) {
            List<Future<List<DueCheck>>> work = new ArrayList<>();
            for (var instance : List.of(a, b)) {
                String name = instance == a ? "instance-a" : "instance-b";
                work.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    List<DueCheck> mine = new ArrayList<>();
                    for (List<DueCheck> batch = instance.checks().lease(name, 7, T0, LEASE);
                            !batch.isEmpty();
                            batch = instance.checks().lease(name, 7, T0, LEASE)) {
                        for (DueCheck check : batch) {
                            instance.checks()
                                    .record(
                                            new RemoteCheck(check.registrationId(), check.remoteUrl(), T0, timedOut()),
                                            outcome(check.leasedBy(), 1, Health.UNKNOWN, T0),
                                            KEEP);
                        }
                        mine.addAll(batch);
                    }
                    return mine;
                }));
            }
            List<DueCheck> ofA = work.get(0).get(120, TimeUnit.SECONDS);
            List<DueCheck> ofB = work.get(1).get(120, TimeUnit.SECONDS);

            Set<String> keysOfA =
                    new HashSet<>(ofA.stream().map(JdbiCheckRepositoryTest::key).toList());
            Set<String> keysOfB =
                    new HashSet<>(ofB.stream().map(JdbiCheckRepositoryTest::key).toList());
            assertThat(keysOfA).hasSize(ofA.size()).doesNotContainAnyElementsOf(keysOfB);
            assertThat(keysOfB).hasSize(ofB.size());
            assertThat(ofA).isNotEmpty();
            assertThat(ofB).isNotEmpty();
            assertThat(ofA).allSatisfy(check -> assertThat(check.leasedBy()).contains("instance-a"));
            assertThat(ofB).allSatisfy(check -> assertThat(check.leasedBy()).contains("instance-b"));
            assertThat(Stream.concat(ofA.stream(), ofB.stream())
                            .map(JdbiCheckRepositoryTest::key)
                            .toList())
                    .containsExactlyInAnyOrderElementsOf(
                            due.stream().map(JdbiCheckRepositoryTest::key).toList());
            assertThat(column("SELECT count(*)::text FROM remote_checks")).containsExactly("200");
            assertThat(new HashSet<>(scheduleRows("", Map.of())))
                    .containsExactly(ScheduleRow.due(T0.plus(INTERVAL), true, 1, Health.UNKNOWN));
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * While one instance's lease is still in flight (its transaction holds the rows it took), another does not wait
     * for it: it skips those rows and takes the others.
     */
    @Test
    void a_lease_skips_the_rows_another_instance_is_leasing_instead_of_waiting_for_them() throws Exception {
        scheduled(registrationsStored(2), 5);
        CountDownLatch aHoldsItsRows = new CountDownLatch(1);
        CountDownLatch bIsDone = new CountDownLatch(1);
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try (Instance a = anInstance();
                Instance b = anInstance()) {
            Future<List<DueCheck>> ofA =
                    threads.submit(() -> a.adapters().transactions().inTransaction(() -> {
                        List<DueCheck> leased = a.checks().lease("instance-a", 4, T0, LEASE);
                        aHoldsItsRows.countDown();
                        await(bIsDone);
                        return leased;
                    }));
            assertThat(aHoldsItsRows.await(30, TimeUnit.SECONDS)).isTrue();

            List<DueCheck> ofB = b.checks().lease("instance-b", 10, T0, LEASE);
            bIsDone.countDown();

            assertThat(ofB).hasSize(6);
            assertThat(ofA.get(30, TimeUnit.SECONDS))
                    .hasSize(4)
                    .extracting(JdbiCheckRepositoryTest::key)
                    .doesNotContainAnyElementsOf(
                            ofB.stream().map(JdbiCheckRepositoryTest::key).toList());
        } finally {
            bIsDone.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void the_checks_of_an_instance_that_died_holding_their_lease_are_leased_by_another_once_it_expires() {
        List<DueCheck> due = scheduled(registrationsStored(2), 5);
        List<DueCheck> ofTheDead;
        try (Instance dying = anInstance()) {
            ofTheDead = dying.checks().lease("instance-a", 10, T0, LEASE);
        }
        assertThat(ofTheDead).hasSize(10);

        try (Instance survivor = anInstance()) {
            assertThat(survivor.checks().lease("instance-b", 100, T0.plus(LEASE).minusMillis(1), LEASE))
                    .isEmpty();
            Instant expired = T0.plus(LEASE);
            List<DueCheck> retaken = survivor.checks().lease("instance-b", 100, expired, LEASE);

            assertThat(retaken)
                    .extracting(JdbiCheckRepositoryTest::key)
                    .containsExactlyInAnyOrderElementsOf(
                            due.stream().map(JdbiCheckRepositoryTest::key).toList());
            assertThat(retaken).allSatisfy(check -> {
                assertThat(check.leasedBy()).contains("instance-b");
                assertThat(check.leasedUntil()).contains(expired.plus(LEASE));
            });
        }
        assertThat(column("SELECT DISTINCT leased_by FROM check_schedule")).containsExactly("instance-b");
    }

    @Test
    void a_lease_gives_the_oldest_due_checks_first_in_schedule_order_with_their_health_and_failures() {
        RegistrationId registration = aRegistration();
        CheckedRemote later = remote("later");
        CheckedRemote first = remote("first");
        CheckedRemote second = remote("second");
        CheckedRemote notDue = remote("not-due");
        checks().schedule(registration, later, T0, true);
        checks().schedule(registration, first, T0.minusSeconds(60), true);
        checks().schedule(registration, second, T0.minusSeconds(60), true);
        checks().schedule(registration, notDue, T0.plusSeconds(1), true);
        // A failed check before, under no lease: the next lease carries its failures and health.
        checks().record(
                        new RemoteCheck(registration, later.url(), T0.minusSeconds(900), timedOut()),
                        new CheckOutcome(Optional.empty(), 2, Health.HEALTHY, T0),
                        KEEP);

        List<DueCheck> leased = checks().lease("instance-a", 10, T0, LEASE);

        Optional<String> a = Optional.of("instance-a");
        Optional<Instant> until = Optional.of(T0.plus(LEASE));
        assertThat(leased)
                .containsExactly(
                        new DueCheck(registration, first, 0, Health.UNKNOWN, a, until),
                        new DueCheck(registration, second, 0, Health.UNKNOWN, a, until),
                        new DueCheck(registration, later, 2, Health.HEALTHY, a, until));
        assertThat(checks().lease("instance-b", 10, T0, LEASE)).isEmpty();
        assertThat(checks().lease("instance-b", 1, T0.plusSeconds(1), LEASE))
                .extracting(DueCheck::remote)
                .containsExactly(notDue);
    }

    @Test
    void scheduling_again_keeps_the_earlier_due_time_sets_periodic_and_keeps_what_checks_found() {
        RegistrationId registration = aRegistration();
        CheckedRemote remote = remote("again");
        checks().schedule(registration, remote, T0, false);
        checks().record(
                        new RemoteCheck(registration, remote.url(), T0, timedOut()),
                        new CheckOutcome(Optional.empty(), 1, Health.UNKNOWN, T0.plus(INTERVAL)),
                        KEEP);
        assertThat(scheduleRow(registration, remote)).isEqualTo(ScheduleRow.notDue(false, 1, Health.UNKNOWN));

        // Not due (NULL) is later than any time.
        checks().schedule(registration, remote, T0.plusSeconds(60), true);
        assertThat(scheduleRow(registration, remote))
                .isEqualTo(ScheduleRow.due(T0.plusSeconds(60), true, 1, Health.UNKNOWN));

        checks().schedule(registration, remote, T0.plusSeconds(120), false);
        assertThat(scheduleRow(registration, remote))
                .isEqualTo(ScheduleRow.due(T0.plusSeconds(60), false, 1, Health.UNKNOWN));

        CheckedRemote asSse = new CheckedRemote(remote.url(), RemoteTransport.SSE);
        checks().schedule(registration, asSse, T0.plusSeconds(30), true);
        assertThat(scheduleRow(registration, remote))
                .isEqualTo(ScheduleRow.due(T0.plusSeconds(30), true, 1, Health.UNKNOWN));
        assertThat(checks().scheduled(registration))
                .containsExactly(
                        new DueCheck(registration, asSse, 1, Health.UNKNOWN, Optional.empty(), Optional.empty()));
    }

    @Test
    void the_scheduled_checks_of_a_registration_are_its_own_in_schedule_order_leased_or_not() {
        List<RegistrationId> two = registrationsStored(2);
        RegistrationId registration = two.get(0);
        CheckedRemote zulu = new CheckedRemote("https://zulu.example.com/mcp", RemoteTransport.SSE);
        CheckedRemote alpha = remote("alpha");
        checks().schedule(registration, zulu, T0.plusSeconds(60), false);
        checks().schedule(registration, alpha, T0, true);
        checks().schedule(two.get(1), remote("other"), T0, true);
        checks().lease("instance-a", 1, T0, LEASE);

        assertThat(checks().scheduled(registration))
                .containsExactly(
                        new DueCheck(registration, zulu, 0, Health.UNKNOWN, Optional.empty(), Optional.empty()),
                        new DueCheck(
                                registration,
                                alpha,
                                0,
                                Health.UNKNOWN,
                                Optional.of("instance-a"),
                                Optional.of(T0.plus(LEASE))));
        assertThat(checks().scheduled(RegistrationId.random())).isEmpty();
    }

    @Test
    void a_periodic_check_is_due_again_at_the_time_its_record_gives_and_its_lease_ends() {
        RegistrationId registration = aRegistration();
        CheckedRemote remote = remote("periodic");
        checks().schedule(registration, remote, T0, true);
        checks().lease("instance-a", 10, T0, LEASE);

        recordReachable(registration, remote, T0.plusSeconds(1), Optional.of("instance-a"));

        assertThat(scheduleRow(registration, remote))
                .isEqualTo(ScheduleRow.due(T0.plusSeconds(1).plus(INTERVAL), true, 0, Health.HEALTHY));
        assertThat(checks().lease(
                                "instance-b",
                                10,
                                T0.plusSeconds(1).plus(INTERVAL).minusMillis(1),
                                LEASE))
                .isEmpty();
        assertThat(checks().lease("instance-b", 10, T0.plusSeconds(1).plus(INTERVAL), LEASE))
                .extracting(DueCheck::health)
                .containsExactly(Health.HEALTHY);
    }

    @Test
    void a_check_not_checked_periodically_is_not_due_again_after_its_record() {
        RegistrationId registration = aRegistration();
        CheckedRemote remote = remote("once");
        checks().schedule(registration, remote, T0, false);
        assertThat(checks().lease("instance-a", 10, T0, LEASE)).hasSize(1);

        recordReachable(registration, remote, T0.plusSeconds(1), Optional.of("instance-a"));

        assertThat(scheduleRow(registration, remote)).isEqualTo(ScheduleRow.notDue(false, 0, Health.HEALTHY));
        assertThat(checks().lease("instance-a", 10, Instant.parse("9999-12-31T00:00:00Z"), LEASE))
                .isEmpty();
        assertThat(checks().scheduled(registration))
                .containsExactly(
                        new DueCheck(registration, remote, 0, Health.HEALTHY, Optional.empty(), Optional.empty()));
    }

    @Test
    void a_check_recorded_under_a_lease_another_instance_took_since_is_kept_but_leaves_the_schedule_alone() {
        RegistrationId registration = aRegistration();
        CheckedRemote remote = remote("lost-lease");
        checks().schedule(registration, remote, T0, true);
        checks().lease("instance-a", 10, T0, LEASE);
        // instance-a was too slow: its lease expired and instance-b took the check.
        checks().lease("instance-b", 10, T0.plus(LEASE), LEASE);

        checks().record(
                        new RemoteCheck(
                                registration, remote.url(), T0.plus(LEASE).plusSeconds(1), timedOut()),
                        outcome(Optional.of("instance-a"), 1, Health.UNKNOWN, T0.plus(LEASE)),
                        KEEP);

        assertThat(checks().recent(registration, 10)).hasSize(1);
        assertThat(scheduleRow(registration, remote))
                .isEqualTo(ScheduleRow.due(T0, true, 0, Health.UNKNOWN).leasedBy("instance-b"));
        assertThat(checks().statuses(List.of(registration)).get(registration))
                .containsExactly(RemoteStatus.unchecked(remote.url()));

        // instance-b still holds the lease, and records under it.
        recordReachable(registration, remote, T0.plus(LEASE).plusSeconds(2), Optional.of("instance-b"));
        assertThat(scheduleRow(registration, remote))
                .isEqualTo(ScheduleRow.due(T0.plus(LEASE).plusSeconds(2).plus(INTERVAL), true, 0, Health.HEALTHY));
    }

    @Test
    void a_check_asked_for_outside_any_lease_updates_the_schedule_and_leaves_a_lease_in_flight_alone() {
        RegistrationId registration = aRegistration();
        CheckedRemote remote = remote("asked-for");
        checks().schedule(registration, remote, T0, true);
        checks().lease("instance-a", 10, T0, LEASE);

        checks().record(
                        new RemoteCheck(registration, remote.url(), T0.plusSeconds(5), reachable(TOOLS)),
                        outcome(Optional.empty(), 0, Health.HEALTHY, T0.plusSeconds(5)),
                        KEEP);

        assertThat(scheduleRow(registration, remote))
                .isEqualTo(ScheduleRow.due(T0.plusSeconds(5).plus(INTERVAL), true, 0, Health.HEALTHY)
                        .leasedBy("instance-a"));
        assertThat(checks().scheduled(registration))
                .extracting(DueCheck::leasedUntil)
                .containsExactly(Optional.of(T0.plus(LEASE)));
    }

    @Test
    void a_check_of_a_remote_not_scheduled_is_kept_without_a_schedule() {
        RegistrationId registration = aRegistration();

        recordReachable(registration, remote("unscheduled"), T0, Optional.empty());

        assertThat(checks().recent(registration, 10)).hasSize(1);
        assertThat(checks().scheduled(registration)).isEmpty();
    }

    @Test
    void recording_keeps_the_latest_checks_of_the_remote_only_and_the_newest_come_first() {
        RegistrationId registration = aRegistration();
        CheckedRemote trimmed = remote("trimmed");
        CheckedRemote other = remote("other");
        recordReachable(registration, other, T0.minusSeconds(1), Optional.empty());
        for (int i = 0; i < 5; i++) {
            checks().record(
                            new RemoteCheck(registration, trimmed.url(), T0.plusSeconds(i), timedOut()),
                            outcome(Optional.empty(), i + 1, Health.UNKNOWN, T0.plusSeconds(i)),
                            3);
        }

        assertThat(checks().recent(registration, 10))
                .extracting(RemoteCheck::remoteUrl, RemoteCheck::checkedAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(trimmed.url(), T0.plusSeconds(4)),
                        org.assertj.core.groups.Tuple.tuple(trimmed.url(), T0.plusSeconds(3)),
                        org.assertj.core.groups.Tuple.tuple(trimmed.url(), T0.plusSeconds(2)),
                        org.assertj.core.groups.Tuple.tuple(other.url(), T0.minusSeconds(1)));
        assertThat(checks().recent(registration, 2)).hasSize(2);
    }

    @Test
    void a_check_and_its_schedule_are_recorded_in_the_callers_transaction_and_undone_with_it() {
        RegistrationId registration = aRegistration();
        CheckedRemote remote = remote("undone");
        checks().schedule(registration, remote, T0, true);

        assertThatThrownBy(() -> database().adapters().transactions().inTransaction(() -> {
                    recordReachable(registration, remote, T0, Optional.empty());
                    checks().keepApprovalSnapshot(registration, remote.url(), TOOLS);
                    throw new IllegalStateException("the caller failed after recording");
                }))
                .hasMessage("the caller failed after recording");

        assertThat(checks().recent(registration, 10)).isEmpty();
        assertThat(checks().approvalSnapshot(registration, remote.url())).isEmpty();
        assertThat(scheduleRow(registration, remote)).isEqualTo(ScheduleRow.due(T0, true, 0, Health.UNKNOWN));
    }

    @Test
    void turning_periodic_checks_on_makes_the_remotes_not_due_due_now_and_off_lets_a_due_check_run_once() {
        List<RegistrationId> two = registrationsStored(2);
        RegistrationId registration = two.get(0);
        CheckedRemote checked = remote("checked");
        CheckedRemote stillDue = remote("still-due");
        CheckedRemote ofAnother = remote("of-another");
        checks().schedule(registration, checked, T0, false);
        checks().schedule(registration, stillDue, T0.plusSeconds(30), false);
        checks().schedule(two.get(1), ofAnother, T0, false);
        recordReachable(registration, checked, T0, Optional.empty());
        recordReachable(two.get(1), ofAnother, T0, Optional.empty());

        Instant approvedAt = T0.plusSeconds(60);
        checks().setPeriodic(registration, true, approvedAt);

        assertThat(scheduleRow(registration, checked)).isEqualTo(ScheduleRow.due(approvedAt, true, 0, Health.HEALTHY));
        assertThat(scheduleRow(registration, stillDue))
                .isEqualTo(ScheduleRow.due(T0.plusSeconds(30), true, 0, Health.UNKNOWN));
        assertThat(scheduleRow(two.get(1), ofAnother)).isEqualTo(ScheduleRow.notDue(false, 0, Health.HEALTHY));

        checks().setPeriodic(registration, false, approvedAt.plusSeconds(60));

        assertThat(scheduleRow(registration, checked)).isEqualTo(ScheduleRow.due(approvedAt, false, 0, Health.HEALTHY));
        List<DueCheck> last = checks().lease("instance-a", 10, approvedAt, LEASE);
        assertThat(last).extracting(DueCheck::remote).containsExactly(stillDue, checked);
        last.forEach(due -> recordReachable(registration, due.remote(), approvedAt, Optional.of("instance-a")));
        assertThat(checks().lease("instance-a", 10, approvedAt.plus(INTERVAL), LEASE))
                .isEmpty();
    }

    @Test
    void unscheduling_a_registration_removes_its_schedule_only() {
        List<RegistrationId> two = registrationsStored(2);
        RegistrationId registration = two.get(0);
        CheckedRemote remote = remote("unscheduled");
        checks().schedule(registration, remote, T0, true);
        checks().schedule(two.get(1), remote("kept"), T0, true);
        recordReachable(registration, remote, T0, Optional.empty());
        checks().keepApprovalSnapshot(registration, remote.url(), TOOLS);

        checks().unschedule(registration);

        assertThat(checks().scheduled(registration)).isEmpty();
        assertThat(checks().statuses(List.of(registration))).isEmpty();
        assertThat(checks().scheduled(two.get(1))).hasSize(1);
        assertThat(checks().recent(registration, 10)).hasSize(1);
        assertThat(checks().approvalSnapshot(registration, remote.url())).contains(TOOLS);
    }

    @Test
    void statuses_give_each_scheduled_remote_its_health_last_check_and_drift_by_registration() {
        List<RegistrationId> three = registrationsStored(3);
        RegistrationId checked = three.get(0);
        RegistrationId unchecked = three.get(1);
        RegistrationId unscheduled = three.get(2);
        CheckedRemote drifting = remote("drifting");
        CheckedRemote failing = remote("failing");
        CheckedRemote fresh = remote("fresh");
        checks().schedule(checked, drifting, T0, true);
        checks().schedule(checked, failing, T0, true);
        checks().schedule(unchecked, fresh, T0, false);
        checks().record(
                        new RemoteCheck(checked, drifting.url(), T0, reachable(TOOLS)),
                        outcome(Optional.empty(), 0, Health.HEALTHY, T0),
                        KEEP);
        checks().record(
                        new RemoteCheck(checked, failing.url(), T0.plusSeconds(1), timedOut()),
                        outcome(Optional.empty(), 3, Health.UNREACHABLE, T0.plusSeconds(1)),
                        KEEP);
        checks().keepApprovalSnapshot(checked, drifting.url(), TOOLS);
        checks().markDrift(checked, drifting.url(), "b".repeat(64), T0.plusSeconds(900));

        Map<RegistrationId, List<RemoteStatus>> statuses = checks().statuses(List.of(unscheduled, unchecked, checked));

        assertThat(statuses).containsOnlyKeys(checked, unchecked);
        assertThat(statuses.get(checked))
                .containsExactly(
                        new RemoteStatus(
                                drifting.url(),
                                Health.HEALTHY,
                                Optional.of(T0),
                                Optional.of(Duration.ofMillis(87)),
                                true),
                        new RemoteStatus(
                                failing.url(),
                                Health.UNREACHABLE,
                                Optional.of(T0.plusSeconds(1)),
                                Optional.of(Duration.ofSeconds(20)),
                                false));
        assertThat(statuses.get(unchecked)).containsExactly(RemoteStatus.unchecked(fresh.url()));
        assertThat(checks().statuses(List.of())).isEmpty();
        assertThat(checks().statuses(List.of(unscheduled))).isEmpty();
    }

    @Test
    void a_drift_is_marked_once_per_tool_set_and_a_new_approval_snapshot_clears_it() {
        RegistrationId registration = aRegistration();
        CheckedRemote remote = remote("drift");
        checks().schedule(registration, remote, T0, true);
        String drifted = "c".repeat(64);

        assertThat(checks().markDrift(registration, remote.url(), drifted, T0))
                .as("no approval snapshot, no drift")
                .isFalse();

        checks().keepApprovalSnapshot(registration, remote.url(), TOOLS);
        assertThat(checks().markDrift(registration, remote.url(), drifted, T0)).isTrue();
        assertThat(checks().markDrift(registration, remote.url(), drifted, T0.plusSeconds(900)))
                .isFalse();
        assertThat(driftMarks()).containsExactly(drifted + " at " + T0);
        String driftedFurther = "d".repeat(64);
        assertThat(checks().markDrift(registration, remote.url(), driftedFurther, T0.plusSeconds(1800)))
                .isTrue();
        assertThat(checks().statuses(List.of(registration)).get(registration))
                .extracting(RemoteStatus::drifted)
                .containsExactly(true);

        ToolSet approvedAgain = new ToolSet(List.of(tool("lookup", "Looks an entry up, faster")));
        checks().keepApprovalSnapshot(registration, remote.url(), approvedAgain);

        assertThat(checks().approvalSnapshot(registration, remote.url())).contains(approvedAgain);
        assertThat(checks().statuses(List.of(registration)).get(registration))
                .extracting(RemoteStatus::drifted)
                .containsExactly(false);
        assertThat(driftMarks()).containsExactly("none");
        assertThat(checks().markDrift(registration, remote.url(), drifted, T0.plusSeconds(2700)))
                .isTrue();
    }

    /** Tools as servers write them: any script, long text, deep schemas, JSON escapes and separators. */
    private static ToolSet toolsHardToKeep() {
        String nested = "{\"properties\":{\"filter\":{\"properties\":{\"and\":{\"items\":{\"$ref\":\"#/$defs/f\"},"
                + "\"type\":\"array\"},\"név\":{\"description\":\"Ünïcödé \\\"quoted\\\" \\\\ \\u2028 🚀\","
                + "\"type\":\"string\"}},\"type\":\"object\"}},\"required\":[\"filter\"],\"type\":\"object\"}";
        return new ToolSet(List.of(
                new Tool(
                        "search_日本語",
                        Optional.of("検索 – “smart” quotes, 🚀 and é (e + \u0301)"),
                        Optional.of("Looks things up. ".repeat(6_000) + "末尾"),
                        nested,
                        Optional.of("{\"type\":\"object\"}"),
                        Optional.of("{\"destructiveHint\":false,\"title\":\"Ω\"}")),
                new Tool("a", Optional.empty(), Optional.of(""), "{}", Optional.empty(), Optional.empty()),
                new Tool(
                        "breaks-in-descriptions",
                        Optional.empty(),
                        Optional.of("line one\r\nline two\ttabbed \u00a0 nbsp \u0001\u001f\u007f\u0085 \ufeff"),
                        "{\"type\":\"object\"}",
                        Optional.empty(),
                        Optional.empty())));
    }

    /** Every Unicode scalar value but U+0000 (which PostgreSQL text cannot hold), a plane's worth per tool. */
    private static ToolSet everyCharacterButNul() {
        List<Tool> tools = new ArrayList<>();
        for (int plane = 0; plane <= 16; plane++) {
            int from = Math.max(1, plane << 16);
            int to = (plane << 16) + 0xFFFF;
            StringBuilder text = new StringBuilder();
            IntStream.rangeClosed(from, to)
                    .filter(codePoint -> codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE)
                    .forEach(text::appendCodePoint);
            String all = text.toString();
            tools.add(new Tool(
                    "plane-" + plane,
                    Optional.of(all.substring(0, Math.min(all.length(), 500))),
                    Optional.of(all),
                    "{\"description\":\"" + all.substring(all.length() - 200) + "\"}",
                    Optional.of(all.substring(all.length() / 2)),
                    Optional.empty()));
        }
        return new ToolSet(tools);
    }

    @Test
    void tools_with_unicode_long_descriptions_and_nested_schemas_hash_the_same_after_storing_and_reading() {
        RegistrationId registration = aRegistration();
        String url = "https://tools.example.com/mcp";
        for (ToolSet tools : List.of(toolsHardToKeep(), everyCharacterButNul())) {
            checks().record(
                            new RemoteCheck(registration, url, T0, reachable(tools)),
                            outcome(Optional.empty(), 0, Health.HEALTHY, T0),
                            KEEP);
            checks().keepApprovalSnapshot(registration, url, tools);

            ToolSet checked = checks().recent(registration, 1).get(0).report().tools();
            ToolSet approved = checks().approvalSnapshot(registration, url).orElseThrow();
            assertThat(checked).isEqualTo(tools);
            assertThat(approved).isEqualTo(tools);
            assertThat(checked.sha256()).isEqualTo(approved.sha256()).isEqualTo(tools.sha256());
        }
    }

    @Test
    void every_text_of_a_check_comes_back_as_it_was_recorded() {
        RegistrationId registration = aRegistration();
        String odd = "Ünïcödé 🚀 \u2028 \\ \" ' \r\n\t \u0001 末尾";
        ProbeReport report = new ProbeReport(
                ProbeOutcome.REQUIRES_AUTH,
                Duration.ofNanos(1_234_567_000),
                Optional.of("2025-06-18 " + odd),
                Optional.of(new ServerInfo("name " + odd, "version " + odd)),
                Optional.of("{\"x\":\"" + odd + "\"}"),
                ToolSet.NONE,
                0,
                0,
                List.of("https://auth.example.com/" + odd, "{,\"} " + odd),
                Optional.of("detail " + odd));

        checks().record(
                        new RemoteCheck(registration, "https://odd.example.com/mcp", T0, report),
                        outcome(Optional.empty(), 0, Health.REQUIRES_AUTH, T0),
                        KEEP);

        assertThat(checks().recent(registration, 1))
                .containsExactly(new RemoteCheck(registration, "https://odd.example.com/mcp", T0, report));
    }

    private static final String NUL = "a\u0000b";

    /** A tool with a NUL in each of its texts but its name (which the domain refuses) in turn. */
    static Stream<Tool> toolsWithANul() {
        Tool tool = tool("lookup", "Looks an entry up");
        String in = tool.inputSchema();
        return Stream.of(
                new Tool(
                        tool.name(), Optional.of(NUL), tool.description(), in, tool.outputSchema(), tool.annotations()),
                new Tool(tool.name(), tool.title(), Optional.of(NUL), in, tool.outputSchema(), tool.annotations()),
                new Tool(tool.name(), tool.title(), tool.description(), NUL, tool.outputSchema(), tool.annotations()),
                new Tool(tool.name(), tool.title(), tool.description(), in, Optional.of(NUL), tool.annotations()),
                new Tool(tool.name(), tool.title(), tool.description(), in, tool.outputSchema(), Optional.of(NUL)));
    }

    /** A report with a NUL in each of its texts in turn, its tools' included. */
    static Stream<ProbeReport> reportsWithANul() {
        Stream<ProbeReport> ofItsTools = toolsWithANul().map(tool -> reachable(new ToolSet(List.of(tool))));
        Stream<ProbeReport> ofItsFields = Stream.of(
                report(Optional.of(NUL), Optional.empty(), Optional.empty(), List.of(), Optional.empty()),
                report(
                        Optional.empty(),
                        Optional.of(new ServerInfo(NUL, "1")),
                        Optional.empty(),
                        List.of(),
                        Optional.empty()),
                report(
                        Optional.empty(),
                        Optional.of(new ServerInfo("s", NUL)),
                        Optional.empty(),
                        List.of(),
                        Optional.empty()),
                report(Optional.empty(), Optional.empty(), Optional.of(NUL), List.of(), Optional.empty()),
                report(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        List.of("https://a.example.com", NUL),
                        Optional.empty()),
                report(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.of(NUL)));
        return Stream.concat(ofItsTools, ofItsFields);
    }

    private static ProbeReport report(
            Optional<String> protocolVersion,
            Optional<ServerInfo> serverInfo,
            Optional<String> capabilities,
            List<String> authorizationServers,
            Optional<String> detail) {
        return new ProbeReport(
                ProbeOutcome.REQUIRES_AUTH,
                Duration.ofMillis(5),
                protocolVersion,
                serverInfo,
                capabilities,
                ToolSet.NONE,
                0,
                0,
                authorizationServers,
                detail);
    }

    /**
     * The MCP adapter strips NULs from what servers send; should one still reach the repository, the check is refused
     * as input the database cannot store (not failed as a database error), and nothing of it is kept.
     */
    @ParameterizedTest
    @MethodSource("reportsWithANul")
    void a_report_with_a_nul_in_any_text_is_refused_as_invalid_input_and_leaves_nothing(ProbeReport withANul) {
        RegistrationId registration = aRegistration();
        CheckedRemote remote = remote("nul");
        checks().schedule(registration, remote, T0, true);

        assertThatThrownBy(() -> checks().record(
                                new RemoteCheck(registration, remote.url(), T0, withANul),
                                outcome(Optional.empty(), 0, Health.HEALTHY, T0),
                                KEEP))
                .isInstanceOf(InvalidInput.class);

        assertThat(checks().recent(registration, 10)).isEmpty();
        assertThat(scheduleRow(registration, remote)).isEqualTo(ScheduleRow.due(T0, true, 0, Health.UNKNOWN));
    }

    @ParameterizedTest
    @MethodSource("toolsWithANul")
    void an_approval_snapshot_with_a_nul_in_any_text_is_refused_as_invalid_input_and_leaves_the_one_before(
            Tool withANul) {
        RegistrationId registration = aRegistration();
        String url = remote("nul").url();
        checks().keepApprovalSnapshot(registration, url, TOOLS);

        assertThatThrownBy(() -> checks().keepApprovalSnapshot(registration, url, new ToolSet(List.of(withANul))))
                .isInstanceOf(InvalidInput.class);

        assertThat(checks().approvalSnapshot(registration, url)).contains(TOOLS);
    }

    @Test
    void the_runtime_role_schedules_leases_records_and_marks_checks() {
        RegistrationId registration = aRegistration();
        try (HikariDataSource pool = PostgresPool.create(database().runtimeRolePoolSettings())) {
            CheckRepository asRuntime = new PostgresAdapters(pool, TestDatabase.SERVER_JSON).checks();
            CheckedRemote remote = new CheckedRemote("https://runtime.example.com/mcp", RemoteTransport.SSE);
            asRuntime.schedule(registration, remote, T0, false);
            asRuntime.setPeriodic(registration, true, T0);
            assertThat(asRuntime.lease("instance-a", 10, T0, LEASE)).hasSize(1);
            asRuntime.record(
                    new RemoteCheck(registration, remote.url(), T0, reachable(toolsHardToKeep())),
                    outcome(Optional.of("instance-a"), 0, Health.HEALTHY, T0),
                    1);
            asRuntime.keepApprovalSnapshot(registration, remote.url(), toolsHardToKeep());
            assertThat(asRuntime.markDrift(registration, remote.url(), "e".repeat(64), T0))
                    .isTrue();
            assertThat(asRuntime.statuses(List.of(registration)).get(registration))
                    .extracting(RemoteStatus::health, RemoteStatus::drifted)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Health.HEALTHY, true));
            assertThat(asRuntime.scheduled(registration)).hasSize(1);
            asRuntime.unschedule(registration);

            assertThat(asRuntime.recent(registration, 10)).hasSize(1);
            assertThat(asRuntime.approvalSnapshot(registration, remote.url())).contains(toolsHardToKeep());
        }
    }

    /** The values of the one column of {@code sql}'s rows, as text. */
    private List<String> column(String sql) {
        return database()
                .jdbi()
                .withHandle(
                        handle -> handle.createQuery(sql).mapTo(String.class).list());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
