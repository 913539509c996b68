package com.mcpregistry.http.api;

import com.mcpregistry.http.publication.PublicApi;
import com.mcpregistry.http.registration.ReviewPrecondition;
import java.util.List;
import java.util.Objects;

/**
 * How the API behaves: which browser origins may call the seed API (the MCP Registry API answers every origin), who
 * may read the MCP Registry API, whether an approval or rejection must name the version it reviewed, and how long
 * request bodies may take to arrive.
 */
public record ApiSettings(
        List<String> corsOrigins,
        PublicApi publicApi,
        ReviewPrecondition reviewPrecondition,
        RequestBodyLimits requestBodies) {
    /** @throws IllegalArgumentException when a CORS origin is not an origin ({@link CorsRule#origin}) */
    public ApiSettings {
        corsOrigins = corsOrigins.stream().map(CorsRule::origin).toList();
        Objects.requireNonNull(publicApi, "publicApi");
        Objects.requireNonNull(reviewPrecondition, "reviewPrecondition");
        Objects.requireNonNull(requestBodies, "requestBodies");
    }

    /** Reviews that name the version they reviewed, and the default limits on request bodies. */
    public ApiSettings(List<String> corsOrigins, PublicApi publicApi) {
        this(corsOrigins, publicApi, ReviewPrecondition.REQUIRED, RequestBodyLimits.DEFAULTS);
    }

    /** The MCP Registry API open to anyone, as MCP clients expect. */
    public ApiSettings(List<String> corsOrigins) {
        this(corsOrigins, PublicApi.ANONYMOUS);
    }

    public ApiSettings withReviewPrecondition(ReviewPrecondition value) {
        return new ApiSettings(corsOrigins, publicApi, value, requestBodies);
    }

    public ApiSettings withRequestBodies(RequestBodyLimits value) {
        return new ApiSettings(corsOrigins, publicApi, reviewPrecondition, value);
    }
}
