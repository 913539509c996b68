package com.mcpregistry.http.limits;

import com.mcpregistry.http.publication.PublishedServerRoutes;
import com.mcpregistry.http.shared.Callers;
import com.mcpregistry.http.shared.HttpProblem;
import com.mcpregistry.identity.SignedIn;
import com.mcpregistry.limits.Admission;
import com.mcpregistry.limits.RateLimit;
import com.mcpregistry.limits.port.in.RateLimitUseCase;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rate limits at the HTTP edge. Every write of a signed-in user counts against {@link RateLimit#WRITES} by user;
 * every read of the MCP Registry API without credentials against {@link RateLimit#ANONYMOUS_READS} by client
 * address; every request whose credentials are refused against {@link RateLimit#FAILED_SIGN_INS} by client address.
 * A request past its limit is answered 429 with {@code Retry-After} and the {@code RateLimit-Policy} and
 * {@code RateLimit} fields of the IETF draft (draft-ietf-httpapi-ratelimit-headers); an admitted write carries the
 * two fields too, so that a busy client (a CI pipeline) can pace itself. Answers to anonymous reads do not: shared
 * caches may keep them for everyone. Health checks, documents and preflights count against nothing.
 */
public final class RateLimitStep {
    private static final Set<HandlerType> WRITES =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    private static final Set<HandlerType> READS = Set.of(HandlerType.GET, HandlerType.HEAD);

    private final RateLimitUseCase limits;
    private final TrustedProxies proxies;

    public RateLimitStep(RateLimitUseCase limits, TrustedProxies proxies) {
        this.limits = limits;
        this.proxies = proxies;
    }

    /** Runs before every matched route, after authentication: counts the request where it counts. */
    public void check(Context ctx) {
        SignedIn caller = Callers.orNull(ctx);
        if (caller != null) {
            if (WRITES.contains(ctx.method())) {
                admit(ctx, RateLimit.WRITES, caller.user().id().value().toString())
                        .ifPresent(admitted -> headers(admitted).forEach(ctx::header));
            }
            return;
        }
        if (READS.contains(ctx.method()) && isRegistryApi(ctx.path())) {
            admit(ctx, RateLimit.ANONYMOUS_READS, clientOf(ctx));
        }
    }

    /**
     * Counts a request whose credentials the authentication step refused; past the limit, the request is answered
     * 429 instead of 401. Credentials that are valid are never refused for the failures of others at the same address
     * (one office behind one NAT would otherwise lock each other out).
     */
    public void failedSignIn(Context ctx) {
        admit(ctx, RateLimit.FAILED_SIGN_INS, clientOf(ctx));
    }

    /** The admission of a request that may go on; throws the 429 of one that may not. */
    private Optional<Admission> admit(Context ctx, RateLimit limit, String subject) {
        Optional<Admission> admission = limits.admit(limit, subject);
        if (admission.isPresent() && !admission.get().admitted()) {
            Admission refused = admission.get();
            Map<String, String> headers = new LinkedHashMap<>(headers(refused));
            headers.put("Retry-After", Long.toString(refused.resetSeconds()));
            throw new HttpProblem(429, "Too Many Requests", detail(refused), headers);
        }
        return admission;
    }

    /** The client's address, as {@link TrustedProxies} reads it. */
    private String clientOf(Context ctx) {
        List<String> forwardedFor =
                proxies.isEmpty() ? List.of() : Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
        return proxies.clientOf(ctx.req().getRemoteAddr(), forwardedFor);
    }

    private static boolean isRegistryApi(String path) {
        return PublishedServerRoutes.PREFIXES.stream().anyMatch(prefix -> path.startsWith(prefix + "/"));
    }

    /** {@code RateLimit-Policy: "writes";q=120;w=60} and {@code RateLimit: "writes";r=119;t=60}. */
    private static Map<String, String> headers(Admission admission) {
        String name = "\"" + admission.policy().limit().policyName() + "\"";
        return Map.of(
                "RateLimit-Policy",
                name + ";q=" + admission.policy().quota() + ";w="
                        + admission.policy().windowSeconds(),
                "RateLimit",
                name + ";r=" + admission.remaining() + ";t=" + admission.resetSeconds());
    }

    private static String detail(Admission refused) {
        String who = refused.policy().limit() == RateLimit.WRITES ? "each user" : "each client address";
        String what = switch (refused.policy().limit()) {
            case WRITES -> "writes";
            case ANONYMOUS_READS -> "reads without credentials";
            case FAILED_SIGN_INS -> "requests with refused credentials";
        };
        return "too many " + what + ": at most " + refused.policy().quota() + " every "
                + refused.policy().windowSeconds() + " s for " + who + "; try again in " + refused.resetSeconds()
                + " s";
    }
}
