package com.mcpregistry.app;

import com.mcpregistry.entra.DevelopmentServicePrincipal;
import com.mcpregistry.entra.DevelopmentTokenIssuer;
import com.mcpregistry.entra.DevelopmentUser;
import com.mcpregistry.http.api.RegistryApi;
import com.mcpregistry.http.docs.OpenApiPaths;
import com.mcpregistry.http.shared.Access;
import com.mcpregistry.http.shared.JsonBody;
import com.mcpregistry.http.shared.JsonForm;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /dev/token}: mints development tokens. Registered by {@code start-dev} only, never by {@code serve};
 * the OpenAPI document describes it exactly when it is registered.
 */
final class DevelopmentTokenRoutes implements RegistryApi.Extension {
    /** The field that asks for a service principal's app-only token instead of a user's. */
    static final String SERVICE_PRINCIPAL = "service_principal";

    private final DevelopmentTokenIssuer issuer;

    DevelopmentTokenRoutes(DevelopmentTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.post("/dev/token", this::mint, Access.ANYONE);
    }

    @Override
    public OpenApiPaths documentation() {
        return OpenApiPaths.fromClasspath(OpenApiPaths.DEVELOPMENT_TOKEN);
    }

    private void mint(Context ctx) {
        JsonForm body = JsonBody.read(ctx)
                .form()
                .allowOnly(Set.of("name", "email", "oid", "admin", "groups", SERVICE_PRINCIPAL), Set.of());
        String name = body.text("name").orElse(null);
        String email = body.text("email").orElse(null);
        String oid = body.text("oid").orElse(null);
        boolean admin = body.flag("admin").orElse(false);
        List<String> groups = body.textList("groups").orElse(List.of());
        Optional<String> servicePrincipal = body.text(SERVICE_PRINCIPAL);
        DevelopmentTokenIssuer.IssuedToken token;
        if (servicePrincipal.isPresent()) {
            // A service principal is named by its own name and has no mailbox or name claim.
            for (String field : List.of("name", "email", "groups")) {
                if (body.has(field)) {
                    body.reject(field, "must not be given with " + SERVICE_PRINCIPAL);
                }
            }
            DevelopmentServicePrincipal principal =
                    body.check(() -> TokenCommand.servicePrincipal(servicePrincipal.get(), oid, admin));
            body.complete();
            token = issuer.issue(principal);
        } else {
            DevelopmentUser user = body.check(() -> TokenCommand.user(name, email, oid, admin, groups));
            body.complete();
            token = issuer.issue(user);
        }
        ctx.json(Map.of(
                "access_token", token.accessToken(),
                "token_type", "Bearer",
                "expires_in", token.expiresIn().toSeconds()));
    }
}
