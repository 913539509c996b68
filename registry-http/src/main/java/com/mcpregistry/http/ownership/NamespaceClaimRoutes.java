package com.mcpregistry.http.ownership;

import static com.mcpregistry.http.shared.Access.ADMIN;
import static com.mcpregistry.http.shared.Access.USER;

import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.ownership.NamespacePrefix;
import com.mcpregistry.http.shared.Callers;
import com.mcpregistry.http.shared.JsonBody;
import com.mcpregistry.http.shared.JsonForm;
import com.mcpregistry.http.shared.RequestIds;
import com.mcpregistry.http.shared.Routes;
import com.mcpregistry.ownership.By;
import com.mcpregistry.ownership.ClaimOutcome;
import com.mcpregistry.ownership.ClaimedNamespace;
import com.mcpregistry.ownership.OwnerReference;
import com.mcpregistry.ownership.port.in.ManageNamespacesUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * {@code /namespaces}: the namespace claims and the policy for unclaimed names, for anyone signed in; claiming and
 * releasing, for administrators.
 */
public final class NamespaceClaimRoutes {
    /** Fields of a claim the registry sets itself; a body that sends one is refused, as for registrations. */
    private static final Set<String> SERVER_OWNED = Set.of("claimed_by", "claimed_at", "conflicts", "conflict_count");

    private final ManageNamespacesUseCase namespaces;

    public NamespaceClaimRoutes(ManageNamespacesUseCase namespaces) {
        this.namespaces = namespaces;
    }

    public void addTo(RoutesConfig routes) {
        Routes.get(routes, "/namespaces", this::list, USER);
        routes.post("/namespaces", this::claim, ADMIN);
        Routes.get(routes, "/namespaces/{prefix}", this::get, USER);
        routes.delete("/namespaces/{prefix}", this::release, ADMIN);
    }

    private void list(Context ctx) {
        ctx.json(NamespacesJson.of(namespaces.policy(), namespaces.claims()));
    }

    private void claim(Context ctx) {
        By by = By.user(Callers.of(ctx).actor());
        JsonForm body = JsonBody.read(ctx).form().allowOnly(Set.of("prefix", "owners"), SERVER_OWNED);
        NamespacePrefix prefix = body.required("prefix", NamespacePrefix::new);
        List<OwnerReference> owners = OwnerForm.owners(body, "owners");
        body.complete();
        ClaimOutcome outcome = namespaces.claim(by, prefix, owners, RequestIds.forAudit(ctx));
        ctx.header("Location", "/namespaces/" + prefix.value());
        ctx.status(201).json(ClaimOutcomeJson.of(outcome));
    }

    /** One claim: the claims are few, so the list is read and the one asked for taken from it. */
    private void get(Context ctx) {
        NamespacePrefix prefix = prefix(ctx);
        ClaimedNamespace claimed = namespaces.claims().stream()
                .filter(claim -> claim.claim().prefix().equals(prefix))
                .findFirst()
                .orElseThrow(() -> new NotFound("the namespace " + prefix + " is not claimed"));
        ctx.json(NamespaceClaimJson.of(claimed));
    }

    private void release(Context ctx) {
        By by = By.user(Callers.of(ctx).actor());
        ctx.json(NamespaceClaimJson.of(namespaces.release(by, prefix(ctx), RequestIds.forAudit(ctx))));
    }

    private static NamespacePrefix prefix(Context ctx) {
        return new NamespacePrefix(ctx.pathParam("prefix"));
    }
}
