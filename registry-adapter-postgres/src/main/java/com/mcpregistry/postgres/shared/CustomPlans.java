package com.mcpregistry.postgres.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * Makes PostgreSQL plan a statement for its actual parameters on every execution. The driver otherwise turns a
 * statement into a server-side prepared statement after a few executions, and PostgreSQL may then settle on one
 * generic plan for every parameter value. For a substring search that plan is wrong either way: with ten thousand
 * registrations it filters thousands of rows in creation order where the trigram indexes find the hundred matches
 * (14 ms instead of 1 ms), and with a million a word that no server has makes it read all million rows (3 s instead
 * of 3 ms). Planning a search each time costs a fraction of a millisecond.
 */
public final class CustomPlans implements StatementCustomizer {

    public static final CustomPlans EVERY_TIME = new CustomPlans();

    private CustomPlans() {}

    @Override
    public void beforeExecution(PreparedStatement statement, StatementContext ctx) throws SQLException {
        // 0: never a named server-side statement, so each execution is planned with its parameters.
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }
}
