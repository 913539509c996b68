package com.mcpregistry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as results.tsv (for other programs and later runs) and as the table a person reads. */
final class ResultsTable {

    static final List<String> COLUMNS = List.of(
            "endpoint",
            "concurrency",
            "http_rps",
            "http_p50_ms",
            "http_p99_ms",
            "http_errors",
            "pgbench_tps",
            "pgbench_p50_ms",
            "pgbench_p99_ms",
            "ratio",
            "serve_cpu_us",
            "postgres_cpu_us_http",
            "wrk_cpu_us",
            "postgres_cpu_us_pgbench",
            "pgbench_cpu_us",
            "same_sql",
            "plan",
            "load1");

    private static final String LINE =
            "%-58s %4s %7s %7s %7s %7s %6s %6s %5s │ %5s %5s %4s │ %5s %4s │ %5s %5s %4s%s%n";

    private ResultsTable() {}

    /** A result's fields in {@link #COLUMNS}' order, as results.tsv holds them. */
    static List<String> fields(Result result) {
        return List.of(
                result.endpoint(),
                Integer.toString(result.concurrency()),
                format("%.0f", result.http().requestsPerSecond()),
                format("%.2f", result.http().p50Ms()),
                format("%.2f", result.http().p99Ms()),
                Long.toString(result.http().errors()),
                format("%.0f", result.pgbench().transactionsPerSecond()),
                format("%.2f", result.pgbench().p50Ms()),
                format("%.2f", result.pgbench().p99Ms()),
                format("%.2f", result.ratio()),
                result.http().cpu().serve(),
                result.http().cpu().postgres(),
                result.http().cpu().client(),
                result.pgbench().cpu().postgres(),
                result.pgbench().cpu().client(),
                result.sameSql(),
                result.plan(),
                result.load1());
    }

    static String tsv(List<Result> results) {
        StringBuilder tsv = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        results.forEach(result -> tsv.append(String.join("\t", fields(result))).append('\n'));
        return tsv.toString();
    }

    /** The table: a heading and one line per result, HTTP errors noted at the end of their line. */
    static String text(List<Result> results) {
        StringBuilder text = new StringBuilder(format(
                LINE,
                "endpoint",
                "conc",
                "req/s",
                "p50 ms",
                "p99 ms",
                "pgbench",
                "p50",
                "p99",
                "ratio",
                "serve",
                "pg",
                "wrk",
                "pg",
                "pgb",
                "sql",
                "plan",
                "load",
                ""));
        for (Result result : results) {
            List<String> f = fields(result);
            String errors = result.http().errors() > 0 ? "  " + result.http().errors() + " HTTP errors" : "";
            text.append(format(
                    LINE, f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(6), f.get(7), f.get(8), f.get(9),
                    f.get(10), f.get(11), f.get(12), f.get(13), f.get(14), f.get(15), f.get(16), f.get(17), errors));
        }
        return text.toString();
    }

    /** The HTTP p50 of each (endpoint, concurrency) of an earlier run's results.tsv, keyed {@code endpoint|c}. */
    static Map<String, Double> p50s(Path tsv) throws IOException {
        Map<String, Double> p50s = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(Files.readAllLines(tsv));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            p50s.put(f[0] + "|" + f[1], Double.parseDouble(f[3]));
        }
        return p50s;
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
