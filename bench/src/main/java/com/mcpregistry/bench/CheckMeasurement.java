package com.mcpregistry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What an admission check costs (SPEC §10): the remotes bench/sql/seed-checks.sql scheduled, all on the demo MCP
 * server, checked by one serve with {@code PROBE_WORKERS} workers as it checks them in production, through the
 * shared schedule. For each number of workers a fresh serve runs two rounds: each makes every seeded remote due at
 * once and waits until each has a new check recorded; the first ({@code cold}) meets a JVM that has checked nothing
 * yet, and the very first also keeps each approval's snapshot, as the first check after an approval does; the second
 * ({@code warm}) is the steady state. Around each round it reads serve's, PostgreSQL's and the demo server's CPU time,
 * and asks serve for a garbage collection ({@code jcmd GC.run}) so that its GC log tells what the round allocated.
 */
final class CheckMeasurement {

    /** The seeded registrations' namespace (bench/sql/seed-checks.sql). */
    private static final String OURS =
            "registration_id IN (SELECT id FROM registrations WHERE server_name LIKE 'com.bench.checks/%')";

    private static final String RESET = "UPDATE check_schedule SET next_due_at = NULL, leased_until = NULL,"
            + " leased_by = NULL, failures_in_a_row = 0 WHERE " + OURS;

    private static final String MAKE_DUE = "UPDATE check_schedule SET next_due_at = now() WHERE " + OURS;

    private static final String RECORDED_SINCE = "SELECT count(*) FROM remote_checks WHERE id > ?";

    private static final String FIGURES = "SELECT count(*),"
            + " extract(epoch FROM max(checked_at) - min(checked_at - latency_micros * interval '1 microsecond')),"
            + " percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_micros),"
            + " percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_micros)"
            + " FROM remote_checks WHERE id > ? AND " + OURS;

    private static final String OUTCOMES = "SELECT outcome, count(*) FROM remote_checks WHERE id > ? AND " + OURS
            + " GROUP BY outcome ORDER BY count(*) DESC, outcome";

    private static final Duration POLL = Duration.ofMillis(250);

    private final RunDirectory run;
    private final BenchDatabase database;
    private final RegistryJar registry;
    private final Teardown teardown;
    private final ProcFs proc;
    private final CpuMeter cpu;
    private final DemoServerProcess demo;
    private final int checks;
    private final int port;
    private final Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    /**
     * @param checks how many remotes bench/sql/seed-checks.sql seeded
     * @param port the port for each checking serve
     */
    CheckMeasurement(
            RunDirectory run,
            BenchDatabase database,
            RegistryJar registry,
            Teardown teardown,
            ProcFs proc,
            CpuMeter cpu,
            DemoServerProcess demo,
            int checks,
            int port) {
        this.run = run;
        this.database = database;
        this.registry = registry;
        this.teardown = teardown;
        this.proc = proc;
        this.cpu = cpu;
        this.demo = demo;
        this.checks = checks;
        this.port = port;
    }

    /** Both rounds for each number of workers, in order; checks.tsv grows as they go. */
    List<CheckRound> all(List<Integer> workerCounts) throws Exception {
        // Only the seeded remotes are ever due: the registrations the endpoint rows submitted (made-up hosts) were
        // scheduled for a check that no serve of the benchmark ran.
        database.execute("UPDATE check_schedule SET next_due_at = NULL, leased_until = NULL, leased_by = NULL"
                + " WHERE NOT " + OURS);
        List<CheckRound> rounds = new ArrayList<>();
        for (int workers : workerCounts) {
            Path gcLog = run.file("serve-checks-w" + workers + "-gc.log");
            run.log("checks: starting serve with PROBE_WORKERS=" + workers);
            ServeProcess serve = teardown.add(registry.serve(
                    port,
                    Map.of("PROBE_WORKERS", Integer.toString(workers), "PROBE_ALLOWED_NETWORKS", "127.0.0.0/8"),
                    List.of("-Xlog:gc:file=" + gcLog),
                    "serve-checks.log",
                    "the checking serve"));
            for (String round : List.of("cold", "warm")) {
                run.log("checks: " + checks + " remotes, " + workers + " workers, " + round + " round"
                        + (rounds.isEmpty() ? " (keeps each approval's snapshot)" : ""));
                CheckRound measured = round(serve, workers, round, gcLog);
                run.log("checks: " + format(measured.checksPerMinute()) + " checks/min, "
                        + ChecksTable.outcomes(measured));
                rounds.add(measured);
                Files.writeString(run.file("checks.tsv"), ChecksTable.tsv(rounds));
            }
            teardown.stop(serve);
        }
        return rounds;
    }

    private CheckRound round(ServeProcess serve, int workers, String round, Path gcLog) throws Exception {
        try (Connection connection = database.connection()) {
            execute(connection, RESET);
            long since = firstLong(connection, "SELECT coalesce(max(id), 0) FROM remote_checks");
            OptionalLong gcFrom = collectGarbage(serve, gcLog);
            String load1 = ProcFs.load1();
            CpuMeter.Sample before = cpu.sample(OptionalLong.of(serve.pid()));
            long demoBefore = proc.cpuTicks(demo.pid());

            execute(connection, MAKE_DUE);
            awaitChecks(connection, serve, since);

            CpuMeter.Sample after = cpu.sample(OptionalLong.of(serve.pid()));
            long demoAfter = proc.cpuTicks(demo.pid());
            OptionalLong gcTo = collectGarbage(serve, gcLog);

            try (PreparedStatement figures = connection.prepareStatement(FIGURES)) {
                figures.setLong(1, since);
                try (ResultSet row = figures.executeQuery()) {
                    row.next();
                    long recorded = row.getLong(1);
                    OptionalLong allocatedKib = OptionalLong.empty();
                    if (gcFrom.isPresent() && gcTo.isPresent()) {
                        long mib = GcLog.allocatedMib(
                                GcLog.pauses(gcLog), (int) gcFrom.getAsLong(), (int) gcTo.getAsLong());
                        allocatedKib = OptionalLong.of(Math.round(mib * 1024.0 / recorded));
                    }
                    return new CheckRound(
                            workers,
                            round,
                            recorded,
                            row.getDouble(2),
                            row.getDouble(3) / 1000,
                            row.getDouble(4) / 1000,
                            millis(after.serve() - before.serve(), recorded),
                            cpu.measuresPostgres()
                                    ? OptionalDouble.of(millis(after.postgres() - before.postgres(), recorded))
                                    : OptionalDouble.empty(),
                            millis(demoAfter - demoBefore, recorded),
                            allocatedKib,
                            proc.peakRssKib(serve.pid()).orElse(0) / 1024,
                            outcomes(connection, since),
                            load1);
                }
            }
        }
    }

    /**
     * Waits until every seeded remote has a check recorded after check {@code since}: at most a minute and 200 ms a
     * check, far beyond what a check of a loopback server takes.
     */
    private void awaitChecks(Connection connection, ServeProcess serve, long since)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos() + checks * 200_000_000L;
        try (PreparedStatement recorded = connection.prepareStatement(RECORDED_SINCE)) {
            recorded.setLong(1, since);
            while (true) {
                long count;
                try (ResultSet row = recorded.executeQuery()) {
                    row.next();
                    count = row.getLong(1);
                }
                if (count >= checks) {
                    return;
                }
                if (!serve.isAlive()) {
                    throw new BenchmarkFailure("the checking serve stopped (see " + run.file("serve-checks.log") + ")");
                }
                if (!demo.isAlive()) {
                    throw new BenchmarkFailure("the demo MCP server stopped (see " + run.file("demo-server.log") + ")");
                }
                if (System.nanoTime() > deadline) {
                    throw new BenchmarkFailure("only " + count + " of " + checks + " checks were recorded in time (see "
                            + run.file("serve-checks.log") + ")");
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    /**
     * Has serve collect its garbage and returns the index of that pause in its GC log; empty when this JDK has no
     * jcmd (or it could not reach serve), and then the table shows no allocation.
     */
    private OptionalLong collectGarbage(ServeProcess serve, Path gcLog) throws IOException {
        if (!Files.isExecutable(jcmd)) {
            return OptionalLong.empty();
        }
        String output = ExternalProgram.of(jcmd.toString(), Long.toString(serve.pid()), "GC.run")
                .output();
        if (!output.contains("Command executed successfully")) {
            run.log("checks: jcmd GC.run failed, no allocation figure: " + output.trim());
            return OptionalLong.empty();
        }
        int pauses = GcLog.pauses(gcLog).size();
        return pauses == 0 ? OptionalLong.empty() : OptionalLong.of(pauses - 1);
    }

    private double millis(long ticks, long checks) {
        return checks > 0 ? ticks * 1000.0 / proc.ticksPerSecond() / checks : 0;
    }

    private static Map<String, Long> outcomes(Connection connection, long since) throws SQLException {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(OUTCOMES)) {
            statement.setLong(1, since);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    outcomes.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return outcomes;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long firstLong(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
