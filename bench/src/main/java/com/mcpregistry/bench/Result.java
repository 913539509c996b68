package com.mcpregistry.bench;

import com.mcpregistry.bench.Pgbench.PgbenchFigures;
import com.mcpregistry.bench.Wrk.HttpFigures;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One line of the table: a row at one concurrency through HTTP and through pgbench, and through the floor for the
 * rows it answers.
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
        String load1,
        Optional<Floor> floor) {

    /**
     * The floor's measurement of the same requests, right after serve's.
     *
     * @param sameSql whether pg_stat_statements saw the floor run serve's statements ({@code yes}, {@code NO},
     *     {@code n/a})
     * @param json whether its answers are serve's, byte for byte
     */
    record Floor(HttpFigures http, String sameSql, FloorVerdict json) {}

    /** HTTP requests/s over pgbench transactions/s for the same statements, values and concurrency. */
    double ratio() {
        return pgbench.transactionsPerSecond() > 0 ? http.requestsPerSecond() / pgbench.transactionsPerSecond() : 0;
    }

    /** serve's requests/s over the floor's, for a row the floor answers (SPEC §7's service cost). */
    OptionalDouble servePerFloor() {
        return floor.filter(f -> f.http().requestsPerSecond() > 0)
                .map(f -> OptionalDouble.of(http.requestsPerSecond() / f.http().requestsPerSecond()))
                .orElse(OptionalDouble.empty());
    }

    /**
     * PostgreSQL's CPU time per request of serve over its CPU time per pgbench transaction of the same statements
     * (SPEC §7's database cost); empty when PostgreSQL runs elsewhere or pgbench's share was too small to read.
     */
    OptionalDouble databaseRatio() {
        double serve = http.cpu().postgres();
        double pgbench = this.pgbench.cpu().postgres();
        return Double.isNaN(serve) || Double.isNaN(pgbench) || pgbench <= 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(serve / pgbench);
    }

    boolean isWrite() {
        return endpoint.startsWith("POST");
    }

    boolean isSearch() {
        return endpoint.contains("search=");
    }
}
