package com.mcpregistry.http.ownership;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.mcpregistry.ownership.OwnersOfServer;
import java.util.List;

/** A server and its owners: what every {@code /servers/{server_name}/owners} route answers. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ServerOwnersJson(String serverName, List<OwnerJson> owners) {

    public static ServerOwnersJson of(OwnersOfServer server) {
        return new ServerOwnersJson(server.server().value(), OwnerJson.of(server.owners()));
    }
}
