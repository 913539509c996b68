package com.mcpregistry.http.api;

import com.mcpregistry.domain.error.Forbidden;
import com.mcpregistry.domain.error.Unauthenticated;
import com.mcpregistry.http.limits.RateLimitStep;
import com.mcpregistry.http.shared.Access;
import com.mcpregistry.http.shared.Callers;
import com.mcpregistry.http.shared.HttpProblem;
import com.mcpregistry.identity.SignedIn;
import com.mcpregistry.identity.port.in.AuthenticateUseCase;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one authentication step: runs before every matched route, reads the route's declared {@link Access} and,
 * unless it is {@link Access#ANYONE}, authenticates the bearer token and checks admin rights.
 */
final class AuthenticationStep {
    private static final String BEARER = "bearer ";

    private final AuthenticateUseCase authenticate;
    private final RateLimitStep rateLimits;

    AuthenticationStep(AuthenticateUseCase authenticate, RateLimitStep rateLimits) {
        this.authenticate = authenticate;
        this.rateLimits = rateLimits;
    }

    void check(Context ctx) {
        Access access = accessOf(ctx.routeRoles());
        if (access == Access.ANYONE) {
            return;
        }
        SignedIn caller = authenticate(ctx);
        if (access == Access.ADMIN && !caller.actor().admin()) {
            throw new Forbidden("this route is for registry administrators");
        }
    }

    /**
     * Authenticates the request's bearer token and attaches its caller; throws the matching problem if not, a 429
     * instead of the 401 once the client's address has had too many credentials refused.
     */
    private SignedIn authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw HttpProblem.noCredentials();
        }
        try {
            return signIn(ctx, header);
        } catch (HttpProblem refused) {
            rateLimits.failedSignIn(ctx);
            throw refused;
        }
    }

    private SignedIn signIn(Context ctx, String header) {
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw HttpProblem.invalidToken("the Authorization header must use the Bearer scheme");
        }
        String token = header.substring(BEARER.length()).trim();
        SignedIn signedIn;
        try {
            signedIn = authenticate.authenticate(token);
        } catch (Unauthenticated e) {
            throw HttpProblem.invalidToken(e.getMessage().toLowerCase(Locale.ROOT));
        }
        Callers.attach(ctx, signedIn);
        return signedIn;
    }

    /** The single access level a route declares; a route that declares none or several is treated as admin-only. */
    static Access accessOf(Set<RouteRole> roles) {
        List<Access> declared = roles.stream()
                .filter(Access.class::isInstance)
                .map(Access.class::cast)
                .toList();
        // Fail closed: a route that declares no access, or more than one, is for administrators only.
        return declared.size() == 1 ? declared.get(0) : Access.ADMIN;
    }
}
