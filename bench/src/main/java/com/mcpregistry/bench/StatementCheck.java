package com.mcpregistry.bench;

import java.util.List;

/**
 * pg_stat_statements, which shows that pgbench ran the endpoint's own statements (the table's {@code sql} column).
 * Optional: without the extension the check is skipped.
 */
final class StatementCheck {

    private static final String RESET = "SELECT pg_stat_statements_reset()";

    /**
     * The statements run at least {@code ?} times, normalised: quoted and numeric constants and parameter numbers
     * become '?' (a statement prepared before the reset keeps its literals, {@code 'Approved'} and the {@code 1} of
     * {@code SELECT 1} alike, where one prepared after it shows {@code $1}) and white space one blank.
     */
    private static final String STATEMENTS = """
            SELECT regexp_replace(regexp_replace(query, '''[^'']*''|\\$[0-9]+|\\m[0-9]+\\M', '?', 'g'), '\\s+', ' ', 'g')
              FROM pg_stat_statements
             WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND calls >= ?
               AND query !~* '^(BEGIN|COMMIT|ROLLBACK|SELECT pg_stat_statements_reset)'
             ORDER BY 1""";

    private final BenchDatabase database;
    private final boolean available;

    private StatementCheck(BenchDatabase database, boolean available) {
        this.database = database;
        this.available = available;
    }

    static StatementCheck enable(BenchDatabase database, RunDirectory run) {
        try {
            database.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", RESET);
            return new StatementCheck(database, true);
        } catch (BenchmarkFailure e) {
            run.log("pg_stat_statements is not available: the SQL check is skipped");
            return new StatementCheck(database, false);
        }
    }

    boolean available() {
        return available;
    }

    void reset() {
        if (available) {
            database.column(RESET);
        }
    }

    /** The statements seen at least {@code minimumCalls} times since the last reset; none when unavailable. */
    List<String> statements(long minimumCalls) {
        return available ? database.column(STATEMENTS, minimumCalls) : List.of();
    }
}
