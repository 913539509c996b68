package com.mcpregistry.publication.port.out;

import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.publication.PublishedServer;
import com.mcpregistry.publication.PublishedServerPage;
import com.mcpregistry.publication.PublishedServerQuery;
import com.mcpregistry.transaction.Transactions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the MCP Registry API publishes, read from the registrations: every registration ever approved, with the time
 * of its first approval and whether it is its server's latest version. The registration service keeps both facts up
 * to date in the transaction of each review and delete; the methods that do so must run inside
 * {@link Transactions#inTransaction}.
 */
public interface PublishedServers {

    // ---- kept up to date by the registration service ------------------------------------------------------

    /**
     * Serialises changes to the versions of {@code serverName}: holds that server's lock until the current
     * transaction ends. Take it before changing any of the server's registrations, so that two transactions that
     * move the latest version never interleave.
     */
    void lock(ServerName serverName);

    /** Records that the registration was approved at {@code at}, unless it was published before (the first time stays). */
    void markPublished(RegistrationId id, Instant at);

    /**
     * Makes {@code latest} the only latest version of {@code serverName} (none when empty). Each version whose flag
     * changes gets {@code changedAt} as its update time, so that readers syncing with {@code updated_since} see it.
     */
    void markLatest(ServerName serverName, Optional<RegistrationId> latest, Instant changedAt);

    // ---- read by the MCP Registry API ---------------------------------------------------------------------

    /** One page of the list the query describes, plus the first entry of the next page if there is one. */
    PublishedServerPage list(PublishedServerQuery query);

    /** Every published version of the server, most recently published first; deleted ones only if asked for. */
    List<PublishedServer> versions(ServerName serverName, boolean includeDeleted);

    /**
     * One published version of the server; a deleted one only if asked for (and only when no live version has that
     * number: a version number may be registered again after a deletion).
     */
    Optional<PublishedServer> version(ServerName serverName, Version version, boolean includeDeleted);

    /** The server's latest version, if it has one: never a deleted one. */
    Optional<PublishedServer> latest(ServerName serverName);
}
