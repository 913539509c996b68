package com.mcpregistry.http.checks;

import static com.mcpregistry.http.shared.Access.USER;

import com.mcpregistry.checks.port.in.RemoteChecksUseCase;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.http.shared.Callers;
import com.mcpregistry.http.shared.QueryParameters;
import com.mcpregistry.http.shared.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The checks of a registration's remote servers (SPEC §10): run them now, read the recent ones, and read the tools
 * they found beside what the approval saw. For administrators and the registration's owners and submitter, as its
 * history is; anyone else gets a 404.
 */
public final class CheckRoutes {
    /** How many checks an answer holds when the client does not say. */
    public static final int DEFAULT_LIMIT = 20;
    /** The most checks one answer holds. */
    public static final int MAX_LIMIT = 100;

    private final RemoteChecksUseCase checks;

    public CheckRoutes(RemoteChecksUseCase checks) {
        this.checks = checks;
    }

    public void addTo(RoutesConfig routes) {
        routes.post("/registrations/{registration_id}/checks", this::checkNow, USER);
        Routes.get(routes, "/registrations/{registration_id}/checks", this::recent, USER);
        Routes.get(routes, "/registrations/{registration_id}/tools", this::tools, USER);
    }

    private void checkNow(Context ctx) {
        Actor actor = Callers.of(ctx).actor();
        ctx.json(RemoteChecksJson.of(checks.checkNow(actor, id(ctx))));
    }

    private void recent(Context ctx) {
        Actor actor = Callers.of(ctx).actor();
        RegistrationId id = id(ctx);
        int limit = QueryParameters.limit(ctx, DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        ctx.json(RemoteChecksJson.of(checks.recent(actor, id, limit)));
    }

    private void tools(Context ctx) {
        Actor actor = Callers.of(ctx).actor();
        ctx.json(RemoteToolsJson.of(checks.tools(actor, id(ctx))));
    }

    private static RegistrationId id(Context ctx) {
        return RegistrationId.parse("registration_id", ctx.pathParam("registration_id"));
    }
}
