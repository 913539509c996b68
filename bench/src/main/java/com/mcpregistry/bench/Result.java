package com.mcpregistry.bench;

import com.mcpregistry.bench.Pgbench.PgbenchFigures;
import com.mcpregistry.bench.Wrk.HttpFigures;

/**
 * One line of the table: a row at one concurrency through HTTP and through pgbench.
 *
 * @param sameSql {@code yes} when pg_stat_statements saw the same statements from both, {@code NO} when not,
 *     {@code equiv} for a write (pgbench makes in SQL the values serve makes in Java), {@code n/a} without the
 *     extension
 * @param plan {@code index}, {@code SEQ}, {@code n/a}, or {@code -} for a write
 * @param load1 the 1-minute load average as the row started
 */
record Result(
        String endpoint,
        int concurrency,
        HttpFigures http,
        PgbenchFigures pgbench,
        String sameSql,
        String plan,
        String load1) {

    /** HTTP requests/s over pgbench transactions/s for the same statements, values and concurrency. */
    double ratio() {
        return pgbench.transactionsPerSecond() > 0 ? http.requestsPerSecond() / pgbench.transactionsPerSecond() : 0;
    }

    boolean isWrite() {
        return endpoint.startsWith("POST");
    }
}
