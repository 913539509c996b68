package com.mcpregistry.inmemory;

import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.ownership.service.ServerOwnership;

/** The owners of servers kept in an {@link InMemoryDatabase}, as the services that need them see them. */
public final class InMemoryOwnership {
    private InMemoryOwnership() {}

    /** Over {@code db}, with unclaimed namespaces first come, first served. */
    public static ServerOwnership openOver(InMemoryDatabase db) {
        return new ServerOwnership(
                db.serverOwnerRepository(), db.namespaceClaimRepository(), db.userRepository(), NamespacePolicy.OPEN);
    }
}
