package com.mcpregistry.ownership.port.out;

import com.mcpregistry.domain.ownership.NamespacePrefix;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.ownership.ServerOwners;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who owns each server. A server (a name) has owners from its first submission on, and never none. */
public interface ServerOwnerRepository {

    /**
     * Serialises, until the end of the current transaction, every change of {@code server}'s owners and every first
     * submission of its name: whoever holds the lock reads owners that no one else is changing. The same lock as
     * {@link com.mcpregistry.publication.port.out.PublishedServers#lock}.
     */
    void lock(ServerName server);

    Optional<Owners> find(ServerName server);

    /** The owners of each of {@code servers} that has any, in one look-up. */
    Map<ServerName, Owners> find(Collection<ServerName> servers);

    /** Makes {@code owners} the owners of {@code server}, which may be new; {@code at} is when. */
    void save(ServerName server, Owners owners, Instant at);

    /**
     * Servers under {@code prefix} (the prefix's namespace or a sub-namespace of it) with an owner outside {@code
     * owners}, by name, at most {@code limit}.
     */
    List<ServerOwners> ownedOutside(NamespacePrefix prefix, Owners owners, int limit);

    /** How many servers {@link #ownedOutside} would list without a limit. */
    long countOwnedOutside(NamespacePrefix prefix, Owners owners);
}
