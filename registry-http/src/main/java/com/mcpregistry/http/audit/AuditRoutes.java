package com.mcpregistry.http.audit;

import static com.mcpregistry.http.shared.Access.ADMIN;

import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.audit.port.in.QueryAuditUseCase;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.http.shared.Callers;
import com.mcpregistry.http.shared.PageJson;
import com.mcpregistry.http.shared.QueryParameters;
import com.mcpregistry.http.shared.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /audit}: the audit trail for administrators, filtered and keyset-paged. */
public final class AuditRoutes {
    /** How many audit events a page holds when the client does not say. */
    public static final int DEFAULT_LIMIT = 50;

    private final QueryAuditUseCase audit;

    public AuditRoutes(QueryAuditUseCase audit) {
        this.audit = audit;
    }

    public void addTo(RoutesConfig routes) {
        Routes.get(routes, "/audit", this::query, ADMIN);
    }

    private void query(Context ctx) {
        AuditQuery query = new AuditQuery(
                QueryParameters.optional(ctx, "actor", raw -> UserId.parse("actor", raw)),
                QueryParameters.optional(ctx, "action", raw -> AuditAction.parse("action", raw)),
                QueryParameters.optional(ctx, "registration", raw -> RegistrationId.parse("registration", raw)),
                QueryParameters.time(ctx, "since"),
                QueryParameters.page(ctx, DEFAULT_LIMIT));
        ctx.json(PageJson.of(audit.query(Callers.of(ctx).actor(), query), AuditEventJson::of));
    }
}
