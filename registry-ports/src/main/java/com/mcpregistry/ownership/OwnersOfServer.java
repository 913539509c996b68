package com.mcpregistry.ownership;

import com.mcpregistry.domain.shared.ServerName;
import java.util.List;
import java.util.Objects;

/** A server and its owners, named. */
public record OwnersOfServer(ServerName server, List<NamedOwner> owners) {
    public OwnersOfServer {
        Objects.requireNonNull(server, "server");
        owners = List.copyOf(owners);
    }
}
