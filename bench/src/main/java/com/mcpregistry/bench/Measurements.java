package com.mcpregistry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The measurements themselves: the plans, a warm-up, then each row at each concurrency through wrk, through wrk again
 * against the floor for the rows it answers, and through pgbench, with pg_stat_statements checking that each ran the
 * same statements as serve. results.tsv grows as they go.
 */
final class Measurements {

    private final RunDirectory run;
    private final Wrk wrk;
    private final Pgbench pgbench;
    private final StatementCheck statements;
    private final int seeded;
    private final int warmup;
    private final int duration;

    Measurements(
            RunDirectory run,
            Wrk wrk,
            Pgbench pgbench,
            StatementCheck statements,
            int seeded,
            int warmup,
            int duration) {
        this.run = run;
        this.wrk = wrk;
        this.pgbench = pgbench;
        this.statements = statements;
        this.seeded = seeded;
        this.warmup = warmup;
        this.duration = duration;
    }

    /**
     * {@code authenticated} is the instance only the signed-in catalogue row asks, which gets a longer warm-up;
     * {@code floorAnswers} whether the floor answers each of its rows with serve's bytes ({@link FloorVerdict}).
     */
    List<Result> all(
            List<Row> rowsToMeasure,
            List<Integer> concurrencies,
            ServeProcess authenticated,
            Map<Row, FloorVerdict> floorAnswers)
            throws IOException, InterruptedException {
        run.log("plans: EXPLAIN (ANALYZE, BUFFERS) of each row's statements at " + seeded
                + " rows (bench/out/…/plans)");
        Map<Row, String> plans = new HashMap<>();
        for (Row row : rowsToMeasure) {
            plans.put(row, row.isRead() ? pgbench.plan(row) : "-");
        }

        run.log("warming up: each endpoint " + warmup + " s at concurrency 8, and the floor likewise");
        for (Row row : rowsToMeasure) {
            if (row.isRead()) {
                wrk.run(row, 8, warmup, "-warmup");
                Optional<Row> floor = row.onFloor();
                if (floor.isPresent()) {
                    wrk.run(floor.get(), 8, warmup, "-warmup");
                }
            }
        }

        List<Result> results = new ArrayList<>();
        Path tsv = run.file("results.tsv");
        for (Row row : rowsToMeasure) {
            if (!row.isRead()) {
                wrk.run(row, 8, warmup, "-warmup");
            } else if (row.serve() == authenticated) {
                // This instance served nothing else: as much warm-up as the other one has had from the rows before.
                wrk.run(row, 8, warmup * 3, "-warmup-more");
            }
            for (int c : concurrencies) {
                String load1 = ProcFs.load1();
                run.log(row.name() + ", concurrency " + c);
                statements.reset();
                Wrk.HttpFigures httpFigures = wrk.run(row, c, duration, "");
                List<String> httpSql = statements.statements(httpFigures.requests() / 2);
                Files.write(run.file("sql/" + row.slug() + "-c" + c + "-http.sql"), httpSql);
                Optional<Result.Floor> floor = Optional.empty();
                Optional<Row> onFloor = row.onFloor();
                if (onFloor.isPresent()) {
                    statements.reset();
                    Wrk.HttpFigures floorFigures = wrk.run(onFloor.get(), c, duration, "");
                    List<String> floorSql = statements.statements(floorFigures.requests() / 2);
                    Files.write(run.file("sql/" + row.slug() + "-c" + c + "-floor.sql"), floorSql);
                    floor = Optional.of(new Result.Floor(floorFigures, same(httpSql, floorSql), floorAnswers.get(row)));
                    if (floorFigures.errors() > 0) {
                        run.log("  " + floorFigures.errors() + " HTTP errors from the floor (see " + run.file("wrk")
                                + ", " + run.file("floor.log") + ")");
                    }
                }
                statements.reset();
                Pgbench.PgbenchFigures pgbenchFigures = pgbench.run(row, c, duration);
                List<String> pgbenchSql = statements.statements(pgbenchFigures.transactions() / 2);
                Files.write(run.file("sql/" + row.slug() + "-c" + c + "-pgbench.sql"), pgbenchSql);
                // A write's values are made in SQL instead of Java: see bench/pgbench/submit.sql.
                String same = row.isRead() || !statements.available() ? same(httpSql, pgbenchSql) : "equiv";
                if (httpFigures.errors() > 0) {
                    run.log("  " + httpFigures.errors() + " HTTP errors (see " + run.file("wrk") + ")");
                }
                if (pgbenchFigures.failed() > 0) {
                    run.log("  " + pgbenchFigures.failed() + " pgbench transactions failed");
                }
                results.add(new Result(row.name(), c, httpFigures, pgbenchFigures, same, plans.get(row), load1, floor));
                Files.writeString(tsv, ResultsTable.tsv(results));
            }
        }
        return results;
    }

    /** Whether pg_stat_statements saw the same statements from serve and from the other. */
    private String same(List<String> serve, List<String> other) {
        if (!statements.available()) {
            return "n/a";
        }
        return serve.equals(other) ? "yes" : "NO";
    }
}
