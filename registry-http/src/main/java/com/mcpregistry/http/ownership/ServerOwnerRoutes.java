package com.mcpregistry.http.ownership;

import static com.mcpregistry.http.shared.Access.ADMIN;
import static com.mcpregistry.http.shared.Access.USER;

import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.http.shared.Callers;
import com.mcpregistry.http.shared.JsonBody;
import com.mcpregistry.http.shared.JsonForm;
import com.mcpregistry.http.shared.RequestIds;
import com.mcpregistry.http.shared.Routes;
import com.mcpregistry.ownership.By;
import com.mcpregistry.ownership.OwnerReference;
import com.mcpregistry.ownership.OwnersOfServer;
import com.mcpregistry.ownership.port.in.ManageOwnersUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * {@code /servers/{server_name}/owners}: who owns a server (anyone signed in may ask, to know whom to ask), adding
 * and removing owners (its owners and administrators: the use case decides) and transferring it (administrators).
 * The server name arrives URL-encoded ({@code com.contoso%2Fledger}) as on the MCP Registry API; a malformed one is a
 * 400 naming {@code server_name}, as a malformed id is on every other route of this API.
 */
public final class ServerOwnerRoutes {
    static final String OWNERS = "/servers/{server_name}/owners";
    static final String OWNER = "/servers/{server_name}/owners/{owner}";

    private final ManageOwnersUseCase owners;

    public ServerOwnerRoutes(ManageOwnersUseCase owners) {
        this.owners = owners;
    }

    public void addTo(RoutesConfig routes) {
        Routes.get(routes, OWNERS, this::list, USER);
        routes.post(OWNERS, this::add, USER);
        routes.put(OWNERS, this::transfer, ADMIN);
        routes.delete(OWNER, this::remove, USER);
    }

    private void list(Context ctx) {
        respond(ctx, owners.owners(serverName(ctx)));
    }

    private void add(Context ctx) {
        By by = By.user(Callers.of(ctx).actor());
        ServerName server = serverName(ctx);
        JsonForm body = JsonBody.read(ctx).form().allowOnly(Set.of("owner"), Set.of());
        OwnerReference owner = OwnerForm.owner(body, "owner");
        body.complete();
        respond(ctx, owners.add(by, server, owner, RequestIds.forAudit(ctx)));
    }

    private void remove(Context ctx) {
        By by = By.user(Callers.of(ctx).actor());
        ServerName server = serverName(ctx);
        OwnerReference owner = OwnerReference.parse("owner", ctx.pathParam("owner"));
        respond(ctx, owners.remove(by, server, owner, RequestIds.forAudit(ctx)));
    }

    private void transfer(Context ctx) {
        By by = By.user(Callers.of(ctx).actor());
        ServerName server = serverName(ctx);
        JsonForm body = JsonBody.read(ctx).form().allowOnly(Set.of("owners"), Set.of());
        List<OwnerReference> to = OwnerForm.owners(body, "owners");
        body.complete();
        respond(ctx, owners.transfer(by, server, to, RequestIds.forAudit(ctx)));
    }

    private static ServerName serverName(Context ctx) {
        return new ServerName(ctx.pathParam("server_name"));
    }

    private static void respond(Context ctx, OwnersOfServer server) {
        ctx.json(ServerOwnersJson.of(server));
    }
}
