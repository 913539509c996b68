package com.mcpregistry.http.api;

import com.mcpregistry.http.publication.PublicApi;
import java.util.List;
import java.util.Objects;

/**
 * How the API behaves: which browser origins may call the seed API (the MCP Registry API answers every origin), who
 * may read the MCP Registry API, and how long request bodies may take to arrive.
 */
public record ApiSettings(List<String> corsOrigins, PublicApi publicApi, RequestBodyLimits requestBodies) {
    /** @throws IllegalArgumentException when a CORS origin is not an origin ({@link CorsRule#origin}) */
    public ApiSettings {
        corsOrigins = corsOrigins.stream().map(CorsRule::origin).toList();
        Objects.requireNonNull(publicApi, "publicApi");
        Objects.requireNonNull(requestBodies, "requestBodies");
    }

    public ApiSettings(List<String> corsOrigins, PublicApi publicApi) {
        this(corsOrigins, publicApi, RequestBodyLimits.DEFAULTS);
    }

    /** The MCP Registry API open to anyone, as MCP clients expect. */
    public ApiSettings(List<String> corsOrigins) {
        this(corsOrigins, PublicApi.ANONYMOUS);
    }
}
