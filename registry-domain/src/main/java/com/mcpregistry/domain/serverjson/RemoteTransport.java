package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.WireNames;

/** How MCP clients talk to a server's endpoint. */
public enum RemoteTransport {
    STREAMABLE_HTTP("streamable-http"),
    SSE("sse");

    private final String wireName;

    RemoteTransport(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON, in the database and in the MCP registry API. */
    public String wireName() {
        return wireName;
    }

    public static RemoteTransport parse(String field, String raw) {
        return WireNames.parse(field, raw, values(), RemoteTransport::wireName);
    }
}
