package com.mcpregistry.postgres;

import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The plan PostgreSQL picks for a query when scanning the whole table is not an option: which index can serve
 * it. Test tables are small, so the planner would rightly prefer a scan or a sort; what matters is that an index
 * can serve the query at all, as it must at a million rows.
 */
public final class QueryPlans {

    private QueryPlans() {}

    /** The plan with neither sequential nor bitmap scans: only an index read in order can serve the query. */
    public static String inIndexOrder(Jdbi jdbi, String sql, Map<String, Object> params) {
        return explain(jdbi, sql, params, true);
    }

    /** The plan without sequential scans, for indexes (GIN) that are only read by bitmap. */
    public static String withoutSequentialScans(Jdbi jdbi, String sql, Map<String, Object> params) {
        return explain(jdbi, sql, params, false);
    }

    private static String explain(Jdbi jdbi, String sql, Map<String, Object> params, boolean noBitmaps) {
        // As autovacuum would: statistics, and GIN pending lists flushed into the index proper.
        jdbi.useHandle(handle -> handle.execute("VACUUM ANALYZE"));
        return jdbi.inTransaction(handle -> {
            handle.execute("SET LOCAL enable_seqscan = off");
            if (noBitmaps) {
                handle.execute("SET LOCAL enable_bitmapscan = off");
            }
            return String.join(
                    "\n",
                    handle.createQuery("EXPLAIN " + sql)
                            .bindMap(params)
                            .mapTo(String.class)
                            .list());
        });
    }
}
