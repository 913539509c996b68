package com.mcpregistry.postgres.shared;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.DomainException;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.error.Unavailable;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Translates what PostgreSQL, the driver and the pool report into the registry's errors, so that nothing from
 * JDBC crosses a port: broken connections and pool timeouts are {@link Unavailable}, unique and exclusion
 * violations {@link Conflict}, data the database cannot take {@link InvalidInput}. Anything else is a bug and
 * stays an unchecked exception of its own.
 */
public final class SqlErrors {

    private static final String[] TABLE_PREFIXES = {
        "registrations_",
        "users_",
        "audit_log_",
        "idempotency_keys_",
        "server_owners_",
        "namespace_claims_",
        "namespace_claim_owners_",
        "check_schedule_",
        "remote_checks_",
        "remote_check_tools_",
        "approval_snapshots_",
        "approval_snapshot_tools_"
    };

    private SqlErrors() {}

    /** Runs one database operation, translating its failure. */
    public static <T> T translating(Supplier<T> operation) {
        return translating(Map.of(), operation);
    }

    /**
     * Runs one database operation, translating its failure; a violation of a constraint named in {@code
     * constraints} becomes the error given for it, so that a caller can say which rule the change broke.
     */
    public static <T> T translating(
            Map<String, Supplier<? extends DomainException>> constraints, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            throw translate(e, constraints);
        }
    }

    public static RuntimeException translate(RuntimeException failure) {
        return translate(failure, Map.of());
    }

    public static RuntimeException translate(
            RuntimeException failure, Map<String, Supplier<? extends DomainException>> constraints) {
        if (failure instanceof DomainException) {
            return failure;
        }
        if (failure instanceof ConnectionException) {
            return unavailable(failure);
        }
        Optional<SQLException> found = sqlExceptionIn(failure);
        if (found.isEmpty()) {
            return failure;
        }
        SQLException sql = found.get();
        String state = Optional.ofNullable(sql.getSQLState()).orElse("");
        if (isConnectionFailure(sql, state)) {
            return unavailable(failure);
        }
        Optional<ServerErrorMessage> server = serverMessage(sql);
        Optional<String> constraint = server.map(ServerErrorMessage::getConstraint);
        if (state.startsWith("23") && constraint.isPresent() && constraints.containsKey(constraint.get())) {
            return constraints.get(constraint.get()).get();
        }
        switch (state) {
            case "23505":
            case "23P01":
                return new Conflict(
                        "the change clashes with a stored one (" + constraint.orElse("unique rule") + ")", failure);
            case "23503":
                return new Conflict("the change refers to something that does not exist", failure);
            case "23514":
                return InvalidInput.of(
                        constraint.map(SqlErrors::fieldOf).orElse("input"),
                        "is not accepted by the database (" + constraint.orElse("check") + ")");
            case "23502":
                return InvalidInput.of(server.map(ServerErrorMessage::getColumn).orElse("input"), "is required");
            case "40001":
            case "40P01":
            case "55P03":
                return new Conflict("the change clashed with a concurrent one; try again", failure);
            default:
                break;
        }
        if (state.startsWith("22")) {
            return InvalidInput.of("input", "contains characters or values the database cannot store");
        }
        return new IllegalStateException("database failure (SQLState " + state + ")", failure);
    }

    private static Unavailable unavailable(Throwable cause) {
        return new Unavailable("the database is unavailable; try again later", cause);
    }

    private static boolean isConnectionFailure(SQLException sql, String state) {
        return sql instanceof SQLTransientConnectionException
                || sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLRecoverableException
                || state.startsWith("08") // connection exception
                || state.startsWith("53") // insufficient resources, e.g. too many connections
                || state.startsWith("57P") // server shutting down or starting up
                || state.equals("57014"); // statement cancelled, e.g. by a timeout
    }

    private static Optional<SQLException> sqlExceptionIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Optional<ServerErrorMessage> serverMessage(SQLException sql) {
        return sql instanceof PSQLException psql ? Optional.ofNullable(psql.getServerErrorMessage()) : Optional.empty();
    }

    /** {@code registrations_server_name_pattern} is a rule on {@code server_name}: the constraints are so named. */
    public static String fieldOf(String constraint) {
        String rest = constraint;
        for (String prefix : TABLE_PREFIXES) {
            if (rest.startsWith(prefix)) {
                rest = rest.substring(prefix.length());
                break;
            }
        }
        int lastUnderscore = rest.lastIndexOf('_');
        return lastUnderscore > 0 ? rest.substring(0, lastUnderscore) : rest;
    }
}
