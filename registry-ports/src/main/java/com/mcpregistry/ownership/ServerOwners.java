package com.mcpregistry.ownership;

import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.shared.ServerName;
import java.util.Objects;

/** A server and its owners, as stored. */
public record ServerOwners(ServerName server, Owners owners) {
    public ServerOwners {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(owners, "owners");
    }
}
