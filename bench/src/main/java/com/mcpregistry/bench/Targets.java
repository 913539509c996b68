package com.mcpregistry.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** SPEC §7's performance targets, each met or not in this run: the last lines of the report. */
final class Targets {

    static final double READ_RATIO = 0.70;
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
        long met = reads.stream().filter(result -> result.ratio() >= READ_RATIO).count();
        Optional<Result> lowest = reads.stream()
                .filter(result -> result.ratio() < READ_RATIO)
                .min((a, b) -> Double.compare(a.ratio(), b.ratio()));
        out.append(format(
                "  reads ≥ 70 %% of pgbench:       %d of %d read measurements%s%n",
                met,
                reads.size(),
                lowest.map(r -> format("; lowest %.2f (%s c=%d)", r.ratio(), r.endpoint(), r.concurrency()))
                        .orElse("")));

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
                "  serve ready < 3 s:             %s (%d ms first start, %d ms median of 3 more)%n",
                startUp.readyMs() < 3000 && startUp.readyAgainMs() < 3000 ? "met" : "NOT met",
                startUp.readyMs(),
                startUp.readyAgainMs()));
        long httpErrors =
                results.stream().mapToLong(result -> result.http().errors()).sum();
        String errors = httpErrors == 0 && startUp.outOfMemoryErrors() == 0
                ? "met: no errors, no OutOfMemoryError"
                : httpErrors + " HTTP errors, " + startUp.outOfMemoryErrors() + " OutOfMemoryError";
        out.append(format("  -Xmx256m at full load:         %s; peak RSS %d MiB%n", errors, startUp.peakRssMib()));
        return out.toString();
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
