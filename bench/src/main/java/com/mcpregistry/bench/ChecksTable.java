package com.mcpregistry.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The checks measurement's rounds as checks.tsv and as the table a person reads (bench/README.md explains it). */
final class ChecksTable {

    /** PROBE_INTERVAL's default, at which the last column says how many remotes one instance keeps checked. */
    static final Duration INTERVAL = Duration.ofMinutes(15);

    static final List<String> COLUMNS = List.of(
            "workers",
            "round",
            "checks",
            "checks_per_minute",
            "span_s",
            "latency_p50_ms",
            "latency_p99_ms",
            "serve_cpu_ms",
            "postgres_cpu_ms",
            "demo_cpu_ms",
            "serve_alloc_kib",
            "serve_peak_rss_mib",
            "remotes_per_15_min",
            "load1",
            "outcomes");

    /** What the columns say, under the table. */
    static final String NOTES = String.join(
            "\n",
            "round = cold: a fresh serve's first round (the JIT still compiling; in the first row each approval's"
                    + " snapshot is kept too);",
            "        warm: the same checks again, the steady state.",
            "checks/min = checks ÷ span, from the start of the first check to the end of the last.",
            "p50, p99 = a check's latency_micros: address guard, pinned proxy and HTTP client, connect, initialize,"
                    + " and the lists the",
            "        server declares (the demo server: tools/list); not the session's end nor the record.",
            "serve, pg, demo = CPU time per check, ms: serve (the check and its session's end, the lease, the record's"
                    + " transaction, the",
            "        drift judgement), PostgreSQL (the same statements), the demo server (the remote's own work, not"
                    + " the registry's).",
            "alloc KiB = heap serve allocated per check (its GC log between two jcmd GC.run); RSS MiB = serve's"
                    + " peak resident set.",
            "remotes/15 min = checks/min × 15: the remotes one instance keeps checked at PROBE_INTERVAL's default,"
                    + " at that rate.");

    private static final String LINE = "%7s %-5s %6s %10s %7s %7s %7s │ %5s %5s %5s │ %9s %7s │ %14s %5s  %s%n";

    private ChecksTable() {}

    /** A round's fields in {@link #COLUMNS}' order. */
    static List<String> fields(CheckRound round) {
        return List.of(
                Integer.toString(round.workers()),
                round.round(),
                Long.toString(round.checks()),
                format("%.0f", round.checksPerMinute()),
                format("%.1f", round.spanSeconds()),
                format("%.2f", round.p50Ms()),
                format("%.2f", round.p99Ms()),
                format("%.1f", round.serveCpuMs()),
                round.postgresCpuMs().isPresent()
                        ? format("%.1f", round.postgresCpuMs().getAsDouble())
                        : "-",
                format("%.1f", round.demoCpuMs()),
                round.allocatedKib().isPresent()
                        ? Long.toString(round.allocatedKib().getAsLong())
                        : "-",
                Long.toString(round.peakRssMib()),
                Long.toString(round.remotesCheckedEvery(INTERVAL)),
                round.load1(),
                outcomes(round));
    }

    static String tsv(List<CheckRound> rounds) {
        StringBuilder tsv = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        rounds.forEach(round -> tsv.append(String.join("\t", fields(round))).append('\n'));
        return tsv.toString();
    }

    static String text(List<CheckRound> rounds) {
        StringBuilder text = new StringBuilder(format(
                LINE,
                "workers",
                "round",
                "checks",
                "checks/min",
                "span s",
                "p50 ms",
                "p99 ms",
                "serve",
                "pg",
                "demo",
                "alloc KiB",
                "RSS MiB",
                "remotes/15 min",
                "load",
                "outcomes"));
        for (CheckRound round : rounds) {
            text.append(format(LINE, fields(round).toArray()));
        }
        return text.toString();
    }

    /** {@code 2000 reachable}, or each outcome with its count, most first. */
    static String outcomes(CheckRound round) {
        return round.outcomes().entrySet().stream()
                .map(outcome -> outcome.getValue() + " " + outcome.getKey())
                .collect(Collectors.joining(", "));
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
