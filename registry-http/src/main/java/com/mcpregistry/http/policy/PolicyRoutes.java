package com.mcpregistry.http.policy;

import com.mcpregistry.domain.policy.PolicyFormat;
import com.mcpregistry.http.shared.Access;
import com.mcpregistry.http.shared.IfNoneMatch;
import com.mcpregistry.http.shared.Routes;
import com.mcpregistry.policy.port.in.ExportPolicyUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /policy/{format}}: the registry's approved state as the allow and deny lists of one client ({@code
 * copilot}, {@code claude-code} or {@code vscode}), as the file that client reads. For administrators, or for anyone
 * under {@link PolicyAccess#ANONYMOUS}. A conditional GET with the file's entity tag answers 304 while the registry's
 * state has not changed what the file says.
 */
public final class PolicyRoutes {

    private final ExportPolicyUseCase policies;
    private final PolicyAccess access;

    public PolicyRoutes(ExportPolicyUseCase policies, PolicyAccess access) {
        this.policies = policies;
        this.access = access;
    }

    public void addTo(RoutesConfig routes) {
        Routes.get(
                routes,
                "/policy/{format}",
                this::export,
                access == PolicyAccess.ANONYMOUS ? Access.ANYONE : Access.ADMIN);
    }

    private void export(Context ctx) {
        PolicyFormat format = PolicyFormat.parse("format", ctx.pathParam("format"));
        PolicyFile file = PolicyFile.of(policies.export(format));
        String etag = file.etag();
        ctx.header("ETag", etag);
        // Revalidated on every use: a policy that lags the registry lets a withdrawn server run.
        ctx.header("Cache-Control", (access == PolicyAccess.ANONYMOUS ? "public" : "private") + ", no-cache");
        if (IfNoneMatch.matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
        ctx.status(200).contentType("application/json").result(file.bytes());
    }
}
