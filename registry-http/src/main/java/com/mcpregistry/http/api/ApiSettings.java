package com.mcpregistry.http.api;

import com.mcpregistry.http.limits.TrustedProxies;
import com.mcpregistry.http.publication.PublicApi;
import java.util.List;
import java.util.Objects;

/**
 * How the API behaves: which browser origins may call the seed API (the MCP Registry API answers every origin),
 * who may read the MCP Registry API, and which proxies' {@code X-Forwarded-For} names the client a rate limit counts.
 */
public record ApiSettings(List<String> corsOrigins, PublicApi publicApi, TrustedProxies trustedProxies) {
    public ApiSettings {
        corsOrigins = List.copyOf(corsOrigins);
        Objects.requireNonNull(publicApi, "publicApi");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    /** Trusting no proxy: every client is its TCP peer. */
    public ApiSettings(List<String> corsOrigins, PublicApi publicApi) {
        this(corsOrigins, publicApi, TrustedProxies.none());
    }

    /** The MCP Registry API open to anyone, as MCP clients expect. */
    public ApiSettings(List<String> corsOrigins) {
        this(corsOrigins, PublicApi.ANONYMOUS);
    }
}
