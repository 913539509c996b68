package com.mcpregistry.http.api;

import com.mcpregistry.http.publication.PublicApi;
import java.util.List;
import java.util.Objects;

/**
 * How the API behaves: which browser origins may call the seed API (the MCP Registry API answers every origin),
 * and who may read the MCP Registry API.
 */
public record ApiSettings(List<String> corsOrigins, PublicApi publicApi) {
    public ApiSettings {
        corsOrigins = List.copyOf(corsOrigins);
        Objects.requireNonNull(publicApi, "publicApi");
    }

    /** The MCP Registry API open to anyone, as MCP clients expect. */
    public ApiSettings(List<String> corsOrigins) {
        this(corsOrigins, PublicApi.ANONYMOUS);
    }
}
