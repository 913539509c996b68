package com.mcpregistry.app;

import com.mcpregistry.domain.error.Unavailable;
import com.mcpregistry.postgres.PoolSettings;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * PostgreSQL could not be reached at start-up: the message names host, port and database and the driver's own
 * reason (refused, unknown host, authentication failed), never the password.
 */
final class UnreachableDatabase extends RuntimeException {

    private UnreachableDatabase(String message, Throwable cause) {
        super(message, cause);
    }

    /** What {@code work} returns; when it finds the database unreachable, an error that says where and why. */
    static <T> T reporting(PoolSettings database, Supplier<T> work) {
        try {
            return work.get();
        } catch (Unavailable e) {
            throw new UnreachableDatabase(
                    "cannot reach PostgreSQL at " + database.location() + ": " + driverReason(database, e), e);
        }
    }

    /**
     * The innermost SQL exception's message (the driver's, beneath the pool's), followed by the innermost cause when
     * that says more (an unknown host's name, a refused connection).
     */
    private static String driverReason(PoolSettings database, Throwable failure) {
        Throwable driver = failure;
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                driver = cause;
            }
            root = cause;
        }
        String reason = String.valueOf(driver.getMessage());
        if (root != driver) {
            reason += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        String shown = reason;
        return database.password()
                .map(password -> shown.replace(password, "***"))
                .orElse(shown);
    }
}
