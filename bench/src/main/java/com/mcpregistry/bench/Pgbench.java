package com.mcpregistry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * pgbench running a row's statements with the row's values on the benchmark database: {@code -j1}, {@code c}
 * clients; and the same statements once more under auto_explain for the {@code plan} column.
 */
final class Pgbench {

    private static final Pattern TPS =
            Pattern.compile("^tps = ([0-9.]+) \\(without initial connection time\\)", Pattern.MULTILINE);
    private static final Pattern FAILED = Pattern.compile("^number of failed transactions: (\\d+)", Pattern.MULTILINE);
    private static final Pattern SEQUENTIAL_SCAN = Pattern.compile("Seq Scan on (registrations|audit_log)");

    /** EXPLAIN (ANALYZE, BUFFERS) of every statement, reported back to pgbench as a notice. */
    private static final String AUTO_EXPLAIN = "-c session_preload_libraries=auto_explain"
            + " -c auto_explain.log_min_duration=0 -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on"
            + " -c auto_explain.log_level=notice";

    private final Path pgbench;
    private final DatabaseUrl database;
    private final List<String> commonVariables;
    private final Path outputs;
    private final Path plans;
    private final CpuMeter cpu;

    Pgbench(Path pgbench, DatabaseUrl database, String userId, RunDirectory run, CpuMeter cpu) {
        this.pgbench = pgbench;
        this.database = database;
        this.commonVariables = List.of("-D", "user_id=" + userId);
        this.outputs = run.file("pgbench");
        this.plans = run.file("plans");
        this.cpu = cpu;
    }

    PgbenchFigures run(Row row, int concurrency, int seconds) throws IOException, InterruptedException {
        Path prefix = outputs.resolve(row.slug() + "-c" + concurrency);
        Path output = Path.of(prefix + ".out");
        List<String> arguments = new ArrayList<>(List.of(
                pgbench.toString(),
                "-n",
                "-M",
                row.pgbenchProtocol(),
                "-c",
                Integer.toString(concurrency),
                "-j",
                "1",
                "-T",
                Integer.toString(seconds),
                "-l",
                "--log-prefix=" + prefix + ".log"));
        arguments.addAll(row.pgbenchScripts());
        arguments.addAll(commonVariables);
        arguments.add(database.libpq());
        CpuMeter.Sample before = cpu.sample(OptionalLong.empty());
        ExternalProgram.of(arguments).runOrFail(output, "pgbench");
        Thread.sleep(300); // its backends exit after it does
        CpuMeter.Sample after = cpu.sample(OptionalLong.empty());

        String printed = Files.readString(output);
        Matcher tps = TPS.matcher(printed);
        Matcher failed = FAILED.matcher(printed);
        long[] latencies = transactionLatencies(prefix);
        return new PgbenchFigures(
                latencies.length,
                tps.find() ? Double.parseDouble(tps.group(1)) : 0,
                percentile(latencies, 0.50) / 1000.0,
                percentile(latencies, 0.99) / 1000.0,
                failed.find() ? Long.parseLong(failed.group(1)) : 0,
                cpu.perRequest(before, after, latencies.length));
    }

    /**
     * Runs the row's statements ten times on one connection (so that prepared statements reach their generic plan)
     * with auto_explain reporting each plan, into plans/: {@code index} when no sequential scan touched
     * registrations or audit_log, {@code SEQ} when one did, {@code n/a} when auto_explain is not allowed (it needs a
     * superuser).
     */
    String plan(Row row) throws IOException {
        Path file = plans.resolve(row.slug() + ".txt");
        List<String> arguments = new ArrayList<>(
                List.of(pgbench.toString(), "-n", "-M", row.pgbenchProtocol(), "-c", "1", "-j", "1", "-t", "10"));
        arguments.addAll(row.pgbenchScripts());
        arguments.addAll(commonVariables);
        arguments.add(database.libpq());
        if (ExternalProgram.of(arguments)
                        .environment(Map.of("PGOPTIONS", AUTO_EXPLAIN))
                        .run(file)
                != 0) {
            return "n/a";
        }
        String plans = Files.readString(file);
        if (!plans.contains("Query Text")) {
            return "n/a";
        }
        return SEQUENTIAL_SCAN.matcher(plans).find() ? "SEQ" : "index";
    }

    /**
     * The value at {@code fraction} of the sorted values, as the table has always taken it: the
     * {@code max(1, floor(n × fraction))}-th, counting from 1.
     */
    static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int position = Math.max(1, (int) (sorted.length * fraction));
        return sorted[position - 1];
    }

    /**
     * The latency (µs, the third field) of each transaction in pgbench's logs {@code <prefix>.log.*}, sorted; deletes
     * the logs.
     */
    private static long[] transactionLatencies(Path prefix) throws IOException {
        String logPrefix = prefix.getFileName() + ".log";
        List<Path> logs;
        try (Stream<Path> files = Files.list(prefix.getParent())) {
            logs = files.filter(file -> file.getFileName().toString().startsWith(logPrefix))
                    .toList();
        }
        long[] latencies = logs.stream()
                .flatMap(Pgbench::lines)
                .mapToLong(line -> Long.parseLong(line.split(" ")[2]))
                .sorted()
                .toArray();
        for (Path log : logs) {
            Files.delete(log);
        }
        return latencies;
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one pgbench run measured; {@code cpu} per transaction: PostgreSQL's and pgbench's (serve's is 0). */
    record PgbenchFigures(
            long transactions,
            double transactionsPerSecond,
            double p50Ms,
            double p99Ms,
            long failed,
            CpuMeter.Usage cpu) {}
}
