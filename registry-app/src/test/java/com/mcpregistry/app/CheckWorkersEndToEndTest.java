package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static com.mcpregistry.mcp.probe.SdkMcpServer.tool;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.checks.DueCheck;
import com.mcpregistry.checks.port.out.RemoteProbe;
import com.mcpregistry.checks.service.CheckRunner;
import com.mcpregistry.core.RegistryCore;
import com.mcpregistry.domain.checks.DriftAction;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.domain.serverjson.PublishRules;
import com.mcpregistry.http.serverjson.ServerJsonText;
import com.mcpregistry.mcp.probe.HostileServer;
import com.mcpregistry.mcp.probe.McpRemoteProbe;
import com.mcpregistry.mcp.probe.SdkMcpServer;
import com.mcpregistry.postgres.PostgresAdapters;
import com.mcpregistry.postgres.PostgresPool;
import com.mcpregistry.postgres.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Instances sharing one database share its due checks (SPEC §10): each is a core of its own over a pool of its own
 * with the real MCP client, and {@link CheckWorkers} as {@code serve} runs them; the remotes are real MCP servers on
 * loopback that count the sessions opened at each URL. Registrations are submitted through a running registry that
 * runs no scheduled check itself ({@code PROBE_WORKERS=0}, public addresses only, as {@code serve} by default).
 */
class CheckWorkersEndToEndTest {
    private static final String OLGA = "Olga Owner";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** As start-dev checks: loopback allowed. */
    private static final CheckSettings LOOPBACK_CHECKS =
            new CheckSettings(4, CheckSettings.DEFAULT_INTERVAL, CheckSettings.LOOPBACK, DriftAction.FLAG);

    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard().withPublishRules(PublishRules.DEVELOPMENT);

    private final List<AutoCloseable> started = new ArrayList<>();

    /** Each test counts its own checks: none is due or recorded before it. */
    @BeforeEach
    void nothingIsDueOrChecked() {
        registry.database().jdbi().useHandle(handle -> {
            handle.execute("DELETE FROM check_schedule");
            handle.execute("DELETE FROM remote_checks");
        });
    }

    @AfterEach
    void stopInstances() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void two_instances_share_200_due_checks_and_check_each_remote_exactly_once() throws Exception {
        try (SdkMcpServer server = SdkMcpServer.streamableHttp(tool("search", "Finds ledger entries"))) {
            List<URI> remotes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                remotes.add(server.url("remote=" + i));
            }
            submitAll("shared", remotes);
            CheckRunner first = instance();
            CheckRunner second = instance();

            workers(first, 4, "instance-a");
            workers(second, 4, "instance-b");

            await(() -> recordedChecks() == 200, "200 checks recorded");
            Thread.sleep(500);
            assertThat(recordedChecks()).isEqualTo(200);
            assertThat(remotes)
                    .allSatisfy(remote -> assertThat(server.sessionsAt(remote))
                            .as("sessions at %s", remote)
                            .isEqualTo(1));
            assertThat(reachableChecks()).isEqualTo(200);
        }
    }

    @Test
    void the_checks_a_dead_instance_leased_are_taken_up_when_their_leases_expire() throws Exception {
        try (SdkMcpServer server = SdkMcpServer.streamableHttp(tool("search", "Finds ledger entries"))) {
            List<URI> remotes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                remotes.add(server.url("orphan=" + i));
            }
            submitAll("orphaned", remotes);
            Duration deadLease = Duration.ofSeconds(2);
            // An instance that leases a batch and dies before it records any of them.
            List<DueCheck> leasedByTheDead = instance().lease("instance-that-died", 10, deadLease);
            assertThat(leasedByTheDead).hasSize(10);
            long leased = System.nanoTime();

            workers(instance(), 4, "instance-alive");
            Thread.sleep(deadLease.toMillis() / 2);

            assertThat(remotes)
                    .as("not checked while the dead instance's lease holds")
                    .allSatisfy(remote -> assertThat(server.sessionsAt(remote)).isZero());
            await(() -> recordedChecks() == 10, "the 10 orphaned checks recorded");
            assertThat(Duration.ofNanos(System.nanoTime() - leased)).isGreaterThanOrEqualTo(deadLease);
            assertThat(remotes)
                    .allSatisfy(remote -> assertThat(server.sessionsAt(remote))
                            .as("sessions at %s", remote)
                            .isEqualTo(1));
        }
    }

    @Test
    void an_instance_never_leases_more_checks_than_it_has_free_workers() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        AtomicInteger connections = new AtomicInteger();
        try (HostileServer hanging = new HostileServer("127.0.0.1", exchange -> {
            connections.incrementAndGet();
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            HostileServer.answer(exchange, 500, "text/plain", "");
        })) {
            for (int i = 0; i < 5; i++) {
                submit("hanging", hanging.url("/mcp?hanging=" + i));
            }

            workers(instance(), 2, "two-workers");
            await(() -> connections.get() == 2, "two checks under way");
            Thread.sleep(10 * POLL.toMillis());

            assertThat(connections.get()).as("checks under way").isEqualTo(2);
            assertThat(leasedBy("two-workers")).isEqualTo(2);
            released.countDown();
            await(() -> recordedChecks() == 5, "every check recorded once the server answers");
        } finally {
            released.countDown();
        }
    }

    @Test
    void a_check_that_throws_does_not_stop_the_workers_and_is_taken_up_again_when_its_lease_expires() throws Exception {
        try (SdkMcpServer server = SdkMcpServer.streamableHttp(tool("search", "Finds ledger entries"))) {
            URI exploding = server.url("explode=1");
            AtomicInteger explosions = new AtomicInteger();
            RemoteProbe real = new McpRemoteProbe(LOOPBACK_CHECKS.probe());
            // A probe never throws by its contract; a faulty one must not stop the workers all the same.
            RemoteProbe faulty = (url, transport) -> {
                if (url.equals(exploding)) {
                    explosions.incrementAndGet();
                    throw new IllegalStateException("a faulty probe");
                }
                return real.probe(url, transport);
            };
            submit("exploding", exploding);
            submit("sound", server.url("sound=1"));
            submit("sound", server.url("sound=2"));

            started.add(CheckWorkers.start(instance(faulty), 1, "one-worker", POLL, Duration.ofSeconds(1)));

            await(() -> recordedChecks() == 2 && explosions.get() >= 2, "the sound checks and a second explosion");
            assertThat(server.sessionsAt(server.url("sound=1"))).isEqualTo(1);
            assertThat(server.sessionsAt(server.url("sound=2"))).isEqualTo(1);
        }
    }

    @Test
    void stopping_lets_the_running_check_finish_and_record_and_leases_no_more() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        try (HostileServer slow = new HostileServer("127.0.0.1", exchange -> {
            asked.add(exchange.getRequestURI().getQuery());
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            HostileServer.answer(exchange, 500, "text/plain", "");
        })) {
            submit("slow", slow.url("/mcp?slow=1"));
            CheckWorkers workers = CheckWorkers.start(instance(), 1, "stopping", POLL, CheckWorkers.LEASE);
            await(() -> asked.contains("slow=1"), "the check under way");

            long stopping = System.nanoTime();
            workers.close();

            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(RegistryServer.DRAIN_TIME);
            assertThat(recordedChecks()).as("the running check was recorded").isEqualTo(1);
            submit("slow", slow.url("/mcp?slow=2"));
            Thread.sleep(10 * POLL.toMillis());
            assertThat(asked).as("nothing leased after the stop").containsOnly("slow=1");
        }
    }

    @Test
    void with_no_workers_a_check_asked_for_runs_and_a_loopback_remote_is_blocked_its_submission_accepted()
            throws Exception {
        try (HostileServer server = new HostileServer(
                "127.0.0.1", exchange -> HostileServer.answer(exchange, 200, "application/json", "{}"))) {
            HttpResponse<String> created = registry.post(
                    "/registrations",
                    registry.userToken(OLGA),
                    Submissions.of(
                            Submissions.uniqueName("loopback"),
                            "1.0.0",
                            server.url("/mcp").toString()));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = Submissions.idOf(json(created));
            Thread.sleep(10 * POLL.toMillis());
            assertThat(recordedChecks())
                    .as("PROBE_WORKERS=0: no scheduled check runs")
                    .isZero();

            HttpResponse<String> checked = AdmissionChecksEndToEndTest.checkNow(registry, registry.userToken(OLGA), id);

            assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
            JsonNode check = json(checked).path("checks").get(0);
            assertThat(check.path("outcome").asText()).as(check.toString()).isEqualTo("blocked_address");
            assertThat(check.path("detail").asText()).contains("loopback");
            JsonNode registration = json(registry.get("/registrations/" + id, registry.userToken(OLGA)));
            assertThat(registration.path("status").asText()).isEqualTo("Pending");
            assertThat(registration.path("health").path("status").asText()).isEqualTo("blocked_address");
            assertThat(server.requests()).as("no connection was made").isEmpty();
        }
    }

    // ---- Instances ----

    /** A registry instance over a pool of its own on the shared database: its core's check runner. */
    private CheckRunner instance() {
        return instance(new McpRemoteProbe(LOOPBACK_CHECKS.probe()));
    }

    private CheckRunner instance(RemoteProbe probe) {
        HikariDataSource pool = PostgresPool.create(registry.database().poolSettings(1, 6));
        started.add(pool);
        PostgresAdapters db = new PostgresAdapters(
                pool, TestDatabase.AUDIT_CHAIN, ServeSettings.DEFAULT_SEARCH_TIMEOUT, ServerJsonText.INSTANCE);
        RegistryCore core = RegistryCore.create(
                db.coreAdapters(),
                token -> {
                    throw new AssertionError("an instance here serves no request");
                },
                UnaryOperator.identity(),
                Clock.systemUTC(),
                RegistryCore.Limits.off(),
                NamespacePolicy.OPEN,
                PublishRules.DEVELOPMENT,
                LOOPBACK_CHECKS.core(probe));
        return core.checkRunner().orElseThrow();
    }

    private void workers(CheckRunner runner, int count, String instance) {
        started.add(CheckWorkers.start(runner, count, instance, POLL, CheckWorkers.LEASE));
    }

    // ---- Registrations and what the database holds ----

    /** Submits a registration of a new server for each of {@code remotes}, a few at a time. */
    private static void submitAll(String name, List<URI> remotes) throws Exception {
        ExecutorService submitting = Executors.newFixedThreadPool(4);
        try {
            for (Future<Object> submitted : submitting.invokeAll(remotes.stream()
                    .map(remote -> (Callable<Object>) () -> {
                        submit(name, remote);
                        return null;
                    })
                    .toList())) {
                submitted.get();
            }
        } finally {
            submitting.shutdown();
        }
    }

    private static void submit(String name, URI remote) {
        Submissions.submit(
                registry,
                registry.userToken(OLGA),
                Submissions.of(Submissions.uniqueName(name), "1.0.0", remote.toString()));
    }

    private static int recordedChecks() {
        return count("SELECT count(*) FROM remote_checks");
    }

    private static int reachableChecks() {
        return count("SELECT count(*) FROM remote_checks WHERE outcome = 'reachable'");
    }

    private static int leasedBy(String instance) {
        return registry.database()
                .jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT count(*) FROM check_schedule WHERE leased_by = :instance AND leased_until > now()")
                        .bind("instance", instance)
                        .mapTo(Integer.class)
                        .one());
    }

    private static int count(String sql) {
        return registry.database()
                .jdbi()
                .withHandle(
                        handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(50);
        }
    }
}
