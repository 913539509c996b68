package com.mcpregistry.postgres.checks;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.checks.DueCheck;
import com.mcpregistry.checks.port.out.CheckRepository;
import com.mcpregistry.contract.CheckRepositoryContract;
import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.Tool;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.postgres.PostgresAdapters;
import com.mcpregistry.postgres.PostgresPool;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The checks contract on PostgreSQL, and what only a real database shows: instances on connections of their own
 * sharing due checks, a dead instance's leases taken up again, tools coming back byte for byte. Leasing takes any due
 * row, so each test has a database of its own (a copy of the migrated template).
 */
class JdbiCheckRepositoryTest extends CheckRepositoryContract {

    private static final Duration LEASE = Duration.ofMinutes(2);

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

    /** {@code perRegistration} due checks of each of {@code registrations}, due at T0. */
    private List<DueCheck> scheduled(List<RegistrationId> registrations, int perRegistration) {
        List<DueCheck> due = new ArrayList<>();
        for (RegistrationId id : registrations) {
            for (int i = 0; i < perRegistration; i++) {
                String url = "https://remote-" + i + ".example.com/" + id + "/mcp";
                checks().schedule(id, url, RemoteTransport.STREAMABLE_HTTP, T0.minusSeconds(i));
                due.add(new DueCheck(id, url, RemoteTransport.STREAMABLE_HTTP, 0, T0.plus(LEASE)));
            }
        }
        return due;
    }

    /** A connection pool and adapters of one registry instance: what a second {@code serve} has. */
    private record Instance(HikariDataSource pool, CheckRepository checks) implements AutoCloseable {
        @Override
        public void close() {
            pool.close();
        }
    }

    private Instance anInstance() {
        HikariDataSource pool = PostgresPool.create(database().poolSettings(1, 4));
        return new Instance(pool, new PostgresAdapters(pool, TestDatabase.SERVER_JSON).checks());
    }

    private static String key(DueCheck check) {
        return check.registrationId() + " " + check.remoteUrl();
    }

    /**
     * Two instances, each on its own pool, work through 200 due checks at once as a worker does: lease a batch,
     * record each check (due again in 15 minutes), lease the next batch. Each check is leased exactly once, to one
     * of them, and both did some of the work.
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
                                            new RemoteCheck(
                                                    check.registrationId(),
                                                    check.remoteUrl(),
                                                    T0,
                                                    ProbeReport.failed(
                                                            ProbeOutcome.TIMEOUT, Duration.ofSeconds(20), name)),
                                            1,
                                            T0.plus(Duration.ofMinutes(15)),
                                            100);
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
            assertThat(ofA.size() + ofB.size()).isEqualTo(200);
            List<DueCheck> both = new ArrayList<>(ofA);
            both.addAll(ofB);
            assertThat(both).containsExactlyInAnyOrderElementsOf(due);
            assertThat(column("SELECT count(*)::text FROM remote_checks")).containsExactly("200");
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
            HikariDataSource poolOfA = a.pool();
            PostgresAdapters adaptersOfA = new PostgresAdapters(poolOfA, TestDatabase.SERVER_JSON);
            Future<List<DueCheck>> ofA =
                    threads.submit(() -> adaptersOfA.transactions().inTransaction(() -> {
                        List<DueCheck> leased = adaptersOfA.checks().lease("instance-a", 4, T0, LEASE);
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
            assertThat(retaken)
                    .allSatisfy(check -> assertThat(check.leasedUntil()).isEqualTo(expired.plus(LEASE)));
        }
        assertThat(column("SELECT DISTINCT leased_by FROM check_schedule")).containsExactly("instance-b");
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
                        Optional.of("line one\r\nline two\ttabbed \u00a0 nbsp"),
                        "{\"type\":\"object\"}",
                        Optional.empty(),
                        Optional.empty())));
    }

    @Test
    void tools_with_unicode_long_descriptions_and_nested_schemas_hash_the_same_after_storing_and_reading() {
        RegistrationId registration = registrationsStored(1).get(0);
        ToolSet tools = toolsHardToKeep();
        String url = "https://tools.example.com/mcp";

        checks().record(
                        new RemoteCheck(registration, url, T0, CheckRepositoryContract.reachable(tools)),
                        0,
                        T0.plusSeconds(900),
                        100);
        checks().keepApprovalSnapshot(registration, url, tools);

        ToolSet checked = checks().recent(registration, 1).get(0).report().tools();
        ToolSet approved = checks().approvalSnapshot(registration, url).orElseThrow();
        assertThat(checked).isEqualTo(tools);
        assertThat(approved).isEqualTo(tools);
        assertThat(checked.sha256()).isEqualTo(approved.sha256()).isEqualTo(tools.sha256());
        assertThat(column("SELECT tools_sha256 FROM remote_checks")).containsExactly(tools.sha256());
    }

    @Test
    void the_runtime_role_schedules_leases_and_records_checks() {
        RegistrationId registration = registrationsStored(1).get(0);
        try (HikariDataSource pool = PostgresPool.create(database().runtimeRolePoolSettings())) {
            CheckRepository asRuntime = new PostgresAdapters(pool, TestDatabase.SERVER_JSON).checks();
            String url = "https://runtime.example.com/mcp";
            asRuntime.schedule(registration, url, RemoteTransport.SSE, T0);
            assertThat(asRuntime.lease("instance-a", 10, T0, LEASE)).hasSize(1);
            asRuntime.record(
                    new RemoteCheck(registration, url, T0, CheckRepositoryContract.reachable(toolsHardToKeep())),
                    0,
                    T0.plusSeconds(900),
                    1);
            asRuntime.keepApprovalSnapshot(registration, url, toolsHardToKeep());
            asRuntime.unschedule(registration);

            assertThat(asRuntime.recent(registration, 10)).hasSize(1);
            assertThat(asRuntime.approvalSnapshot(registration, url)).contains(toolsHardToKeep());
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
