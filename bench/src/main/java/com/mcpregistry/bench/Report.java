package com.mcpregistry.bench;

import java.util.List;
import java.util.Map;

/**
 * The report a run prints and keeps as results.txt: what ran where, the table, start-up, memory, seeding and the
 * targets.
 *
 * @param header the run's first lines: size, time and commit; the machine and the tools; how long each row ran
 */
record Report(
        List<String> header,
        List<Result> results,
        Targets.StartUp startUp,
        long peakRssSignedInMib,
        FloorRun floor,
        int rows,
        long seedSeconds,
        String auditVerdict,
        String targets) {

    /**
     * The floor in this run: its time to ready and peak RSS (the same JVM options as serve), and whether it answered
     * each of its rows with serve's bytes.
     */
    record FloorRun(long readyMs, long peakRssMib, Map<Row, FloorVerdict> answers) {}

    String text() {
        StringBuilder text = new StringBuilder();
        header.forEach(line -> text.append(line).append('\n'));
        text.append('\n').append(ResultsTable.text(results)).append('\n');
        text.append("ratio = HTTP req/s ÷ pgbench transactions/s for the same statements, values and concurrency.\n");
        text.append("floor = the same requests, right after serve's, to a bare Jetty handler in bench (plain JDBC on"
                + " serve's pool, Jackson's\n        streaming generator, no framework, no token) that runs the same"
                + " statements and writes the same bytes;\n        ÷floor = serve's req/s ÷ the floor's. Its CPU is in"
                + " the serve column of its line.\n");
        text.append("CPU µs per request: serve, pg (PostgreSQL) and wrk for HTTP │ pg and pgb (pgbench itself) for"
                + " pgbench;\n        db× = pg per HTTP request ÷ pg per pgbench transaction.\n");
        text.append("sql = pg_stat_statements saw the same statements from serve and pgbench (on a floor line: from"
                + " serve and the floor);\n        plan = EXPLAIN (ANALYZE, BUFFERS) of them used indexes only"
                + " (plans/).\n");
        text.append("load = 1-minute load average as the row started (2 cores: above ~3, other work competed for the"
                + " CPUs).\n\n");
        text.append("serve: ready in " + startUp.readyMs() + " ms (process start to /health/ready 200 against the"
                + " migrated database; median of 3 later starts " + startUp.readyAgainMs() + " ms, "
                + startUp.readyWithArchiveMs() + " ms with an AppCDS archive; target < " + Targets.READY_MS
                + " ms)\n");
        text.append("serve: peak RSS " + startUp.peakRssMib() + " MiB with -Xmx256m (target ≤ " + Targets.PEAK_RSS_MIB
                + " MiB; " + peakRssSignedInMib + " MiB for the instance with REGISTRY_PUBLIC_API=authenticated)\n");
        text.append(
                "floor: ready in " + floor.readyMs() + " ms, peak RSS " + floor.peakRssMib() + " MiB with -Xmx256m\n");
        floor.answers()
                .forEach((row, verdict) -> text.append("floor JSON, " + row.name() + ": " + verdict.text() + "\n"));
        text.append("seeding: " + rows + " registrations and their audit events in " + seedSeconds + " s; "
                + auditVerdict + "\n\n");
        text.append(targets);
        return text.toString();
    }
}
