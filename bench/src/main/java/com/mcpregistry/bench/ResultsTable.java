package com.mcpregistry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

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
            "load1",
            "serve_per_floor",
            "db_ratio",
            "floor_rps",
            "floor_p50_ms",
            "floor_p99_ms",
            "floor_errors",
            "floor_cpu_us",
            "postgres_cpu_us_floor",
            "floor_sql",
            "floor_json");

    private static final String LINE =
            "%-58s %4s %7s %7s %7s %7s %6s %6s %5s %6s │ %5s %5s %4s │ %5s %4s %5s │ %5s %5s %4s%s%n";

    private ResultsTable() {}

    /** A result's fields in {@link #COLUMNS}' order, as results.tsv holds them ("-" where a row has no floor). */
    static List<String> fields(Result result) {
        Optional<Result.Floor> floor = result.floor();
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
                micros(result.http().cpu().serve()),
                micros(result.http().cpu().postgres()),
                micros(result.http().cpu().client()),
                micros(result.pgbench().cpu().postgres()),
                micros(result.pgbench().cpu().client()),
                result.sameSql(),
                result.plan(),
                result.load1(),
                ratio(result.servePerFloor()),
                ratio(result.databaseRatio()),
                floor.map(f -> format("%.0f", f.http().requestsPerSecond())).orElse("-"),
                floor.map(f -> format("%.2f", f.http().p50Ms())).orElse("-"),
                floor.map(f -> format("%.2f", f.http().p99Ms())).orElse("-"),
                floor.map(f -> Long.toString(f.http().errors())).orElse("-"),
                floor.map(f -> micros(f.http().cpu().serve())).orElse("-"),
                floor.map(f -> micros(f.http().cpu().postgres())).orElse("-"),
                floor.map(Result.Floor::sameSql).orElse("-"),
                floor.map(f -> f.json().same() ? "same" : "differs").orElse("-"));
    }

    static String tsv(List<Result> results) {
        StringBuilder tsv = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        results.forEach(result -> tsv.append(String.join("\t", fields(result))).append('\n'));
        return tsv.toString();
    }

    /**
     * The table: a heading and one line per result, then for a row the floor answers a line with the floor's figures
     * in the same columns (its own CPU in serve's); HTTP errors noted at the end of their line.
     */
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
                "÷floor",
                "serve",
                "pg",
                "wrk",
                "pg",
                "pgb",
                "db×",
                "sql",
                "plan",
                "load",
                ""));
        for (Result result : results) {
            List<String> f = fields(result);
            text.append(format(
                    LINE,
                    f.get(0),
                    f.get(1),
                    f.get(2),
                    f.get(3),
                    f.get(4),
                    f.get(6),
                    f.get(7),
                    f.get(8),
                    f.get(9),
                    f.get(18),
                    f.get(10),
                    f.get(11),
                    f.get(12),
                    f.get(13),
                    f.get(14),
                    f.get(19),
                    f.get(15),
                    f.get(16),
                    f.get(17),
                    errors(result.http().errors())));
            result.floor().ifPresent(floor -> text.append(floorLine(f, floor)));
        }
        return text.toString();
    }

    /**
     * The floor's line below its row: its figures in serve's columns, its verdicts; no blanks at its end, where the
     * row's pgbench columns have none of its own.
     */
    private static String floorLine(List<String> f, Result.Floor floor) {
        String line = format(
                LINE,
                floor.json().same() ? "  floor: serve's bytes" : "  floor: NOT serve's bytes (below)",
                f.get(1),
                f.get(20),
                f.get(21),
                f.get(22),
                "",
                "",
                "",
                "",
                "",
                f.get(24),
                f.get(25),
                micros(floor.http().cpu().client()),
                "",
                "",
                "",
                f.get(26),
                "",
                "",
                errors(floor.http().errors()));
        return line.stripTrailing() + "\n";
    }

    private static String errors(long errors) {
        return errors > 0 ? "  " + errors + " HTTP errors" : "";
    }

    /** Microseconds per request as the table prints them: whole, "-" when not measured. */
    private static String micros(double micros) {
        return Double.isNaN(micros) ? "-" : format("%.0f", micros);
    }

    private static String ratio(OptionalDouble ratio) {
        return ratio.isPresent() ? format("%.2f", ratio.getAsDouble()) : "-";
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
