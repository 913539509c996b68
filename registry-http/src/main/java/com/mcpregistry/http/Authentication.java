package com.mcpregistry.http;

import com.mcpregistry.domain.error.Forbidden;
import com.mcpregistry.domain.error.Unavailable;
import com.mcpregistry.port.in.SignInUseCase;
import com.mcpregistry.port.out.AccessTokenVerifier;
import com.mcpregistry.port.out.TokenVerification;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.InternalRouter;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The one authentication step: runs before every matched route, reads the route's declared {@link Access} and,
 * unless it is {@link Access#ANYONE}, verifies the bearer token, signs the user in and checks admin rights.
 */
public final class Authentication {
    private static final String BEARER = "bearer ";

    private final AccessTokenVerifier verifier;
    private final SignInUseCase signIn;
    private volatile InternalRouter router;

    public Authentication(AccessTokenVerifier verifier, SignInUseCase signIn) {
        this.verifier = verifier;
        this.signIn = signIn;
    }

    void check(Context ctx) {
        Access access = accessOf(rolesOf(ctx));
        if (access == Access.ANYONE) {
            return;
        }
        Caller caller = authenticate(ctx);
        if (access == Access.ADMIN && !caller.actor().admin()) {
            throw new Forbidden("this route is for registry administrators");
        }
    }

    /** Verifies the request's bearer token and attaches the {@link Caller}; throws the matching problem if not. */
    public Caller authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw HttpProblem.noCredentials();
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw HttpProblem.invalidToken("the Authorization header must use the Bearer scheme");
        }
        String token = header.substring(BEARER.length()).trim();
        TokenVerification verification = verifier.verify(token);
        if (verification instanceof TokenVerification.Verified verified) {
            SignInUseCase.SignedIn signedIn = signIn.signIn(verified.identity());
            Caller caller = new Caller(signedIn.user(), signedIn.actor());
            caller.attachTo(ctx);
            return caller;
        }
        if (verification instanceof TokenVerification.InsufficientScope insufficient) {
            throw HttpProblem.insufficientScope(insufficient.requiredScope());
        }
        if (verification instanceof TokenVerification.ProviderUnavailable unavailable) {
            throw new Unavailable("the identity provider's signing keys cannot be fetched: " + unavailable.reason());
        }
        TokenVerification.Invalid invalid = (TokenVerification.Invalid) verification;
        throw HttpProblem.invalidToken(invalid.reason().toLowerCase(Locale.ROOT));
    }

    /** Lets HEAD requests, which Javalin answers with the GET route, find that route's declared access. */
    void useRouter(InternalRouter router) {
        this.router = router;
    }

    /** The roles of the matched route; a HEAD request is answered by the GET route and has its roles. */
    private Set<RouteRole> rolesOf(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (!roles.isEmpty() || ctx.method() != HandlerType.HEAD || router == null) {
            return roles;
        }
        return router.findHttpHandlerEntries(HandlerType.GET, ctx.path()).stream()
                .map(entry -> entry.endpoint.metadata(Roles.class))
                .filter(Objects::nonNull)
                .map(Roles::getRoles)
                .findFirst()
                .orElse(roles);
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
