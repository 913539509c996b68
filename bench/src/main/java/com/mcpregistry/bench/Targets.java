package com.mcpregistry.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/** SPEC §7's performance targets, each met or not in this run: the last lines of the report. */
final class Targets {

    /** PostgreSQL's CPU per request of a read ≤ this many times its CPU per pgbench transaction. */
    static final double DATABASE_COST = 1.10;
    /** serve's throughput on a floor row ≥ this share of the floor's. */
    static final double SERVICE_COST = 0.80;
    /** A search's throughput ≥ this share of pgbench's. */
    static final double SEARCH_RATIO = 0.70;

    static final long READY_MS = 1500;
    static final long PEAK_RSS_MIB = 320;
    static final String ANONYMOUS_PAGE = "GET /v0.1/servers?limit=30 (first page)";
    static final String SIGNED_IN_PAGE = ANONYMOUS_PAGE + ", signed in";

    private Targets() {}

    /**
     * @param results this run's table
     * @param tenThousand the HTTP p50s of the latest 10,000-row run ({@link ResultsTable#p50s}), for a run at another
     *     size
     * @param startUp serve's start-up and memory figures
     */
    static String summary(List<Result> results, Optional<Map<String, Double>> tenThousand, int rows, StartUp startUp) {
        StringBuilder out = new StringBuilder("SPEC §7 targets in this run:\n");

        List<Result> reads =
                results.stream().filter(result -> !result.isWrite()).toList();
        List<Result> withDatabaseCost = reads.stream()
                .filter(result -> result.databaseRatio().isPresent())
                .toList();
        out.append(judged(
                "database ≤ 1.10× pgbench's:    ",
                "read measurements (db×)",
                withDatabaseCost,
                Result::databaseRatio,
                false,
                DATABASE_COST,
                withDatabaseCost.isEmpty() ? "PostgreSQL runs elsewhere: its CPU time is not read" : ""));
        out.append(judged(
                "service ≥ 0.80× the floor's:   ",
                "floor measurements (÷floor)",
                results.stream().filter(result -> result.floor().isPresent()).toList(),
                Result::servePerFloor,
                true,
                SERVICE_COST,
                results.stream()
                                .flatMap(result -> result.floor().stream())
                                .allMatch(floor -> floor.json().same())
                        ? ""
                        : "the floor's JSON differs from serve's (below the table): not a floor"));
        out.append(judged(
                "searches ≥ 0.70× pgbench's:    ",
                "search measurements (ratio)",
                reads.stream().filter(Result::isSearch).toList(),
                result -> OptionalDouble.of(result.ratio()),
                true,
                SEARCH_RATIO,
                ""));

        out.append("  auth ≤ 15 % over anonymous:    ");
        Set<Integer> concurrencies = new LinkedHashSet<>();
        results.forEach(result -> concurrencies.add(result.concurrency()));
        for (int c : concurrencies) {
            Optional<Result> anonymous = find(results, ANONYMOUS_PAGE, c);
            Optional<Result> signedIn = find(results, SIGNED_IN_PAGE, c);
            if (anonymous.isPresent()
                    && signedIn.isPresent()
                    && signedIn.get().http().requestsPerSecond() > 0) {
                double extra = anonymous.get().http().requestsPerSecond()
                                / signedIn.get().http().requestsPerSecond()
                        - 1;
                out.append(format("c=%d %+.0f %%  ", c, extra * 100));
            }
        }
        out.append("(cost per request of ").append(SIGNED_IN_PAGE).append(" against the same anonymous)\n");

        if (tenThousand.isPresent()) {
            out.append(format("  latency at %d rows vs 10,000 (≤ 2×):%n", rows));
            for (Result read : reads) {
                Double before = tenThousand.get().entrySet().stream()
                        .filter(p50 ->
                                anyDepth(p50.getKey()).equals(anyDepth(read.endpoint()) + "|" + read.concurrency()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
                if (read.endpoint().matches(".*(\\{id}|signed in).*") || before == null || before <= 0) {
                    continue;
                }
                out.append(format(
                        "    %-56s c=%-3s p50 %6.2f ms, at 10,000 rows %6.2f ms: %.1f×%n",
                        read.endpoint(),
                        read.concurrency(),
                        read.http().p50Ms(),
                        before,
                        read.http().p50Ms() / before));
            }
        } else if (rows != 10_000) {
            out.append("  flat latency:                  run bench/run --rows 10000 first to compare\n");
        }

        long bestWrite = results.stream()
                .filter(Result::isWrite)
                .mapToLong(result -> Math.round(result.http().requestsPerSecond()))
                .max()
                .orElse(0);
        out.append(format(
                "  writes ≥ 1,000/s:              %s (best %d/s)%n", bestWrite >= 1000 ? "met" : "NOT met", bestWrite));
        out.append(format(
                "  serve ready < 1.5 s:           %s (%d ms first start, %d ms median of 3 more)%n",
                startUp.readyMs() < READY_MS && startUp.readyAgainMs() < READY_MS ? "met" : "NOT met",
                startUp.readyMs(),
                startUp.readyAgainMs()));
        long httpErrors =
                results.stream().mapToLong(result -> result.http().errors()).sum();
        boolean fits = httpErrors == 0 && startUp.outOfMemoryErrors() == 0 && startUp.peakRssMib() <= PEAK_RSS_MIB;
        out.append(format(
                "  ≤ 320 MiB RSS, -Xmx256m:       %s: peak RSS %d MiB, %d HTTP errors, %d OutOfMemoryError%n",
                fits ? "met" : "NOT met", startUp.peakRssMib(), httpErrors, startUp.outOfMemoryErrors()));
        return out.toString();
    }

    /**
     * One target over {@code measured}: how many meet {@code bound} ({@code atLeast} it, or at most), and the worst;
     * {@code caveat} added when not empty.
     */
    private static String judged(
            String target,
            String what,
            List<Result> measured,
            Function<Result, OptionalDouble> figure,
            boolean atLeast,
            double bound,
            String caveat) {
        Comparator<Result> worstFirst =
                Comparator.comparingDouble(result -> figure.apply(result).orElse(Double.NaN) * (atLeast ? 1 : -1));
        long met = measured.stream()
                .filter(result -> {
                    double value = figure.apply(result).orElse(Double.NaN);
                    return atLeast ? value >= bound : value <= bound;
                })
                .count();
        Optional<Result> worst = measured.stream().min(worstFirst);
        return format(
                "  %s%s: %d of %d %s%s%s%n",
                target,
                !measured.isEmpty() && met == measured.size() && caveat.isEmpty() ? "met" : "NOT met",
                met,
                measured.size(),
                what,
                worst.map(r -> format(
                                "; %s %.2f (%s c=%d)",
                                atLeast ? "lowest" : "highest",
                                figure.apply(r).orElse(Double.NaN),
                                r.endpoint(),
                                r.concurrency()))
                        .orElse(""),
                caveat.isEmpty() ? "" : "; " + caveat);
    }

    /**
     * A deep page's name without its depth, which differs between sizes: "(page 7900 rows deep)" and "(page 10000
     * rows deep)" are the same row.
     */
    static String anyDepth(String endpoint) {
        return endpoint.replaceFirst("\\(page [0-9]+ (rows )?deep\\)", "(page … deep)");
    }

    private static Optional<Result> find(List<Result> results, String endpoint, int concurrency) {
        return results.stream()
                .filter(result -> result.endpoint().equals(endpoint) && result.concurrency() == concurrency)
                .findFirst();
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    /**
     * serve's start-up and memory: the first start, the median of three later ones, with an AppCDS archive, and the
     * anonymous instance's peak RSS and OutOfMemoryErrors at full load.
     */
    record StartUp(long readyMs, long readyAgainMs, long readyWithArchiveMs, long peakRssMib, long outOfMemoryErrors) {}

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get((sorted.size() + 1) / 2 - 1);
    }
}
