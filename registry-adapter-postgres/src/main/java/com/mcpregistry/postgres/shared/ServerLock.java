package com.mcpregistry.postgres.shared;

import com.mcpregistry.domain.shared.ServerName;
import org.jdbi.v3.core.Jdbi;

/**
 * The one lock per server (server name) that serialises, until the end of the current transaction, the changes of
 * its latest version and of its owners and every first submission of its name: a transaction-scoped advisory lock,
 * so that a crashed instance never leaves it held.
 */
public final class ServerLock {

    // A namespace of its own inside the advisory lock space of single bigint keys.
    private static final String LOCK =
            "SELECT 1 FROM pg_advisory_xact_lock(hashtextextended('mcp-server:' || :server_name, 0))";

    private ServerLock() {}

    /** Takes {@code server}'s lock in the caller's transaction (or in one of its own), held until that one ends. */
    public static void hold(Jdbi jdbi, ServerName server) {
        SqlErrors.translating(() -> jdbi.inTransaction(handle -> handle.createQuery(LOCK)
                .bind("server_name", server.value())
                .mapTo(Integer.class)
                .one()));
    }
}
