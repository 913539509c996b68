package com.mcpregistry.postgres;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The plans PostgreSQL makes for the registry's queries.
 *
 * <ul>
 *   <li>{@link #inIndexOrder} and {@link #withoutSequentialScans}: the plan when scanning the whole table is not an
 *       option, i.e. which index can serve a query at all, as one must at a million rows;
 *   <li>{@link #chosen} (run and timed by {@link #analyzed}) and {@link #generic}: the plan the planner picks by itself, with no setting changed, for a
 *       statement planned with its values (as a search is) and for a server-side prepared statement (as the
 *       driver makes of every other statement after a few executions);
 *   <li>{@link #withoutIndexes}: the plan once the table's secondary indexes are gone, which shows that a test
 *       looking for a sequential scan would see one.
 * </ul>
 */
public final class QueryPlans {

    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<!:):([a-z_][a-z0-9_]*)");

    private QueryPlans() {}

    /** The plan with neither sequential nor bitmap scans: only an index read in order can serve the query. */
    public static String inIndexOrder(Jdbi jdbi, String sql, Map<String, Object> params) {
        return explain(
                jdbi, sql, params, List.of("SET LOCAL enable_seqscan = off", "SET LOCAL enable_bitmapscan = off"));
    }

    /** The plan without sequential scans, for indexes (GIN) that are only read by bitmap. */
    public static String withoutSequentialScans(Jdbi jdbi, String sql, Map<String, Object> params) {
        return explain(jdbi, sql, params, List.of("SET LOCAL enable_seqscan = off"));
    }

    /** The plan the planner picks for these values, every planner setting as it comes. */
    public static String chosen(Jdbi jdbi, String sql, Map<String, Object> params) {
        return explain(jdbi, sql, params, List.of());
    }

    /** The plan the planner picks for these values, run and timed: EXPLAIN (ANALYZE, BUFFERS), for the record. */
    public static String analyzed(Jdbi jdbi, String sql, Map<String, Object> params) {
        return explain(jdbi, "(ANALYZE, BUFFERS) " + sql, params, List.of());
    }

    /**
     * The generic plan: the one plan PostgreSQL may cache for a server-side prepared statement and run for any
     * values, as it does for the statements the driver prepares.
     */
    public static String generic(Jdbi jdbi, String sql) {
        analyze(jdbi);
        Map<String, Integer> numbers = new HashMap<>();
        Matcher named = NAMED_PARAMETER.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (named.find()) {
            int number = numbers.computeIfAbsent(named.group(1), name -> numbers.size() + 1);
            named.appendReplacement(positional, "\\$" + number);
        }
        named.appendTail(positional);
        String anyValues = String.join(", ", Collections.nCopies(numbers.size(), "NULL"));
        return jdbi.inTransaction(handle -> {
            handle.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            handle.execute("PREPARE plan_under_test AS " + positional);
            try {
                return String.join(
                        "\n",
                        handle.createQuery("EXPLAIN EXECUTE plan_under_test"
                                        + (numbers.isEmpty() ? "" : "(" + anyValues + ")"))
                                .mapTo(String.class)
                                .list());
            } finally {
                handle.execute("DEALLOCATE plan_under_test");
            }
        });
    }

    /**
     * The plan PostgreSQL would pick if {@code table} had only its primary key: its other indexes and the
     * constraints built on them are dropped in a transaction that is rolled back.
     */
    public static String withoutIndexes(Jdbi jdbi, String table, String sql, Map<String, Object> params) {
        analyze(jdbi);
        return jdbi.inTransaction(handle -> {
            try {
                dropSecondaryIndexes(handle, table);
                return plan(handle, sql, params);
            } finally {
                handle.rollback();
            }
        });
    }

    private static void dropSecondaryIndexes(Handle handle, String table) {
        List<String> drops =
                handle.createQuery("""
                        SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname)
                          FROM pg_constraint
                         WHERE conrelid = CAST(:table AS regclass) AND contype IN ('u', 'x')
                        UNION ALL
                        SELECT format('DROP INDEX %s', i.indexrelid::regclass)
                          FROM pg_index AS i
                         WHERE i.indrelid = CAST(:table AS regclass) AND NOT i.indisprimary
                           AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conindid = i.indexrelid)
                        """).bind("table", table).mapTo(String.class).list();
        drops.forEach(handle::execute);
    }

    private static String explain(Jdbi jdbi, String sql, Map<String, Object> params, List<String> settings) {
        analyze(jdbi);
        return jdbi.inTransaction(handle -> {
            settings.forEach(handle::execute);
            return plan(handle, sql, params);
        });
    }

    private static String plan(Handle handle, String sql, Map<String, Object> params) {
        return String.join(
                "\n",
                handle.createQuery("EXPLAIN " + sql)
                        .bindMap(params)
                        .mapTo(String.class)
                        .list());
    }

    /** As autovacuum would: statistics, and GIN pending lists flushed into the index proper. */
    private static void analyze(Jdbi jdbi) {
        jdbi.useHandle(handle -> handle.execute("VACUUM ANALYZE"));
    }
}
