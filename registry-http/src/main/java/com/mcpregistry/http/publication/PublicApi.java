package com.mcpregistry.http.publication;

/**
 * Who may read the MCP Registry API ({@code /v0.1} and {@code /v0}): anyone (MCP clients send no credentials),
 * callers with a valid access token, or nobody (the routes do not exist). {@code REGISTRY_PUBLIC_API}.
 */
public enum PublicApi {
    ANONYMOUS,
    AUTHENTICATED,
    OFF
}
