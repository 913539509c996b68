package com.mcpregistry.postgres.shared;

import com.mcpregistry.domain.error.Unavailable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.jdbc.PgStatement;
import org.postgresql.util.PSQLException;

/**
 * How every substring search runs: planned for its own term, and cancelled when it runs longer than its time budget.
 *
 * <p>Planned each time: the driver otherwise turns a statement into a server-side prepared statement after a few
 * executions, and PostgreSQL may then settle on one generic plan for every parameter value. For a substring search
 * that plan is wrong either way: with ten thousand registrations it filters thousands of rows in creation order where
 * the trigram indexes find the hundred matches (14 ms instead of 1 ms), and with a million a word that no server has
 * makes it read all million rows (3 s instead of 3 ms). Planning a search each time costs a fraction of a millisecond.
 *
 * <p>Cancelled past its budget: a term made only of common trigrams can still match few rows among very many, and
 * no index makes every such search cheap; the driver's query timeout cancels it on the server (no extra statement, no
 * transaction), and the caller is told to try again with a more specific term.
 *
 * <p>Found by id ({@link #page}): the page's ids first, from an index that holds the searched columns, then its rows.
 */
public final class SearchStatements implements StatementCustomizer {
    /** A search's budget when none is configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    /** How many pages of matches the ids of a search's page are planned for (see {@link #page}). */
    static final int PLANNED_PAGES = 4;

    private static final String CANCELLED = "57014";

    private final Duration timeout;

    /** Searches cancelled after {@code timeout} (at least a millisecond). */
    public SearchStatements(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.toMillis() < 1) {
            throw new IllegalArgumentException("a search's time budget is at least 1 ms");
        }
    }

    /**
     * A search's page of registrations ({@code columns} of them): the ids of those that pass {@code where}, in {@code
     * order} (which sorts by {@code keys}, the id among them), first, then the registrations by id. With an index that
     * holds the searched columns and {@code keys} in that order (changeset 023), a common word is looked for in index
     * entries, and only the page's rows are read from the table, each with its server.json.
     *
     * <p>The ids are a CTE, planned on its own for {@value #PLANNED_PAGES} pages of matches and read for one: it stops
     * once the page has its ids (from PostgreSQL 17 on, which knows the CTE's order; before, the page sorts the CTE's
     * rows, so it finds all its pages). Planned for one page, the planner would walk such an index even where the
     * matches are so few that finding them all by trigram and sorting them is cheaper: it prices the walk by the index
     * pages it reads, not by the LIKE it evaluates on every entry, which is what the walk costs.
     */
    public static String page(String columns, String keys, String where, String order) {
        return "WITH page AS MATERIALIZED (SELECT " + keys + " FROM registrations WHERE " + where + " ORDER BY "
                + order + " LIMIT :limit * " + PLANNED_PAGES + ") SELECT " + columns
                + " FROM registrations WHERE id = ANY (ARRAY(SELECT id FROM page ORDER BY " + order
                + " LIMIT :limit)) ORDER BY " + order;
    }

    @Override
    public void beforeExecution(PreparedStatement statement, StatementContext ctx) throws SQLException {
        PgStatement postgres = statement.unwrap(PgStatement.class);
        // 0: never a named server-side statement, so each execution is planned with its parameters.
        postgres.setPrepareThreshold(0);
        postgres.setQueryTimeoutMs(timeout.toMillis());
    }

    /**
     * The rows of a list query, translating its failure; when it is a {@code search}, planned for its term and
     * within the budget, and a search cancelled past its budget is {@link Unavailable}.
     */
    public <T> List<T> list(Jdbi jdbi, String sql, Map<String, Object> params, boolean search, RowMapper<T> mapper) {
        if (!search) {
            return SqlErrors.translating(() -> jdbi.withHandle(handle ->
                    handle.createQuery(sql).bindMap(params).map(mapper).list()));
        }
        return run(() -> jdbi.withHandle(handle -> handle.createQuery(sql)
                .bindMap(params)
                .addCustomizer(this)
                .map(mapper)
                .list()));
    }

    private <T> T run(Supplier<T> search) {
        try {
            return search.get();
        } catch (RuntimeException e) {
            if (cancelled(e)) {
                throw new Unavailable(
                        "the search took longer than " + timeout.toMillis() + " ms; try again with a longer or more"
                                + " specific term",
                        e);
            }
            throw SqlErrors.translate(e);
        }
    }

    private static boolean cancelled(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof PSQLException sql && CANCELLED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
