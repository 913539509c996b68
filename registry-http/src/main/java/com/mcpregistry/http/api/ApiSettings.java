package com.mcpregistry.http.api;

import com.mcpregistry.http.publication.PublicApi;
import com.mcpregistry.http.registration.ReviewPrecondition;
import java.util.List;
import java.util.Objects;

/**
 * How the API behaves: which browser origins may call the seed API (the MCP Registry API answers every origin),
 * who may read the MCP Registry API, and whether an approval or rejection must name the version it reviewed.
 */
public record ApiSettings(List<String> corsOrigins, PublicApi publicApi, ReviewPrecondition reviewPrecondition) {
    public ApiSettings {
        corsOrigins = List.copyOf(corsOrigins);
        Objects.requireNonNull(publicApi, "publicApi");
        Objects.requireNonNull(reviewPrecondition, "reviewPrecondition");
    }

    /** Reviews that name the version they reviewed, as {@link ReviewPrecondition#REQUIRED} asks. */
    public ApiSettings(List<String> corsOrigins, PublicApi publicApi) {
        this(corsOrigins, publicApi, ReviewPrecondition.REQUIRED);
    }

    /** The MCP Registry API open to anyone, as MCP clients expect. */
    public ApiSettings(List<String> corsOrigins) {
        this(corsOrigins, PublicApi.ANONYMOUS);
    }
}
