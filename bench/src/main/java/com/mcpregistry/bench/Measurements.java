package com.mcpregistry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The measurements themselves: the plans, a warm-up, then each row at each concurrency through wrk and through
 * pgbench, with pg_stat_statements checking that both ran the same statements. results.tsv grows as they go.
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

    /** {@code authenticated} is the instance only the signed-in catalogue row asks, which gets a longer warm-up. */
    List<Result> all(List<Row> rowsToMeasure, List<Integer> concurrencies, ServeProcess authenticated)
            throws IOException, InterruptedException {
        run.log("plans: EXPLAIN (ANALYZE, BUFFERS) of each row's statements at " + seeded
                + " rows (bench/out/…/plans)");
        Map<Row, String> plans = new HashMap<>();
        for (Row row : rowsToMeasure) {
            plans.put(row, row.isRead() ? pgbench.plan(row) : "-");
        }

        run.log("warming up: each endpoint " + warmup + " s at concurrency 8");
        for (Row row : rowsToMeasure) {
            if (row.isRead()) {
                wrk.run(row, 8, warmup, "-warmup");
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
                statements.reset();
                Pgbench.PgbenchFigures pgbenchFigures = pgbench.run(row, c, duration);
                List<String> pgbenchSql = statements.statements(pgbenchFigures.transactions() / 2);
                Files.write(run.file("sql/" + row.slug() + "-c" + c + "-pgbench.sql"), pgbenchSql);
                String same;
                if (!statements.available()) {
                    same = "n/a";
                } else if (!row.isRead()) {
                    same = "equiv"; // values made in SQL instead of Java: see bench/pgbench/submit.sql
                } else {
                    same = httpSql.equals(pgbenchSql) ? "yes" : "NO";
                }
                if (httpFigures.errors() > 0) {
                    run.log("  " + httpFigures.errors() + " HTTP errors (see " + run.file("wrk") + ")");
                }
                if (pgbenchFigures.failed() > 0) {
                    run.log("  " + pgbenchFigures.failed() + " pgbench transactions failed");
                }
                results.add(new Result(row.name(), c, httpFigures, pgbenchFigures, same, plans.get(row), load1));
                Files.writeString(tsv, ResultsTable.tsv(results));
            }
        }
        return results;
    }
}
