package com.mcpregistry.http.api;

import com.mcpregistry.http.limits.TrustedProxies;
import com.mcpregistry.http.policy.PolicyAccess;
import com.mcpregistry.http.publication.PublicApi;
import com.mcpregistry.http.registration.ReviewPrecondition;
import java.util.List;
import java.util.Objects;

/**
 * How the API behaves: which browser origins may call the seed API (the MCP Registry API answers every origin), who
 * may read the MCP Registry API, whether an approval or rejection must name the version it reviewed, how long
 * request bodies may take to arrive, which proxies' {@code X-Forwarded-For} names the client that rate limits
 * count, and who may export the client policies.
 */
public record ApiSettings(
        List<String> corsOrigins,
        PublicApi publicApi,
        ReviewPrecondition reviewPrecondition,
        RequestBodyLimits requestBodies,
        TrustedProxies trustedProxies,
        PolicyAccess policyExport) {
    /** @throws IllegalArgumentException when a CORS origin is not an origin ({@link CorsRule#origin}) */
    public ApiSettings {
        corsOrigins = corsOrigins.stream().map(CorsRule::origin).toList();
        Objects.requireNonNull(publicApi, "publicApi");
        Objects.requireNonNull(reviewPrecondition, "reviewPrecondition");
        Objects.requireNonNull(requestBodies, "requestBodies");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(policyExport, "policyExport");
    }

    /**
     * Reviews that name the version they reviewed, the default limits on request bodies, no trusted proxy (every
     * client is its TCP peer), and policies exported to administrators only.
     */
    public ApiSettings(List<String> corsOrigins, PublicApi publicApi) {
        this(
                corsOrigins,
                publicApi,
                ReviewPrecondition.REQUIRED,
                RequestBodyLimits.DEFAULTS,
                TrustedProxies.none(),
                PolicyAccess.ADMIN);
    }

    /** The MCP Registry API open to anyone, as MCP clients expect. */
    public ApiSettings(List<String> corsOrigins) {
        this(corsOrigins, PublicApi.ANONYMOUS);
    }

    public ApiSettings withReviewPrecondition(ReviewPrecondition value) {
        return new ApiSettings(corsOrigins, publicApi, value, requestBodies, trustedProxies, policyExport);
    }

    public ApiSettings withRequestBodies(RequestBodyLimits value) {
        return new ApiSettings(corsOrigins, publicApi, reviewPrecondition, value, trustedProxies, policyExport);
    }

    public ApiSettings withTrustedProxies(TrustedProxies value) {
        return new ApiSettings(corsOrigins, publicApi, reviewPrecondition, requestBodies, value, policyExport);
    }
}
