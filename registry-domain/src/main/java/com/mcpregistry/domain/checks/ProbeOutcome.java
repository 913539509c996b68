package com.mcpregistry.domain.checks;

import com.mcpregistry.domain.WireNames;

/** What one check of a remote found, by its wire name. */
public enum ProbeOutcome {
    /** It answered {@code initialize} and the lists: an MCP server. */
    REACHABLE("reachable"),
    /** It asked for credentials (401 with {@code WWW-Authenticate}, RFC 9728 metadata): a server, not a failure. */
    REQUIRES_AUTH("requires_auth"),
    /** Its address (or a redirect's) is one the registry does not connect to: loopback, private, metadata… */
    BLOCKED_ADDRESS("blocked_address"),
    /** No connection: the name did not resolve, the connection was refused or reset, TLS failed. */
    UNREACHABLE("unreachable"),
    /** It did not answer within the time a check allows. */
    TIMEOUT("timeout"),
    /** An answer was larger than a check reads, or it listed more pages or tools than a check records. */
    TOO_LARGE("too_large"),
    /** It answered, but not as an MCP server does: an HTTP error, or JSON-RPC the client could not read. */
    PROTOCOL_ERROR("protocol_error");

    private final String wireName;

    ProbeOutcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the remote answered as a server (with or without asking for credentials). */
    public boolean answered() {
        return this == REACHABLE || this == REQUIRES_AUTH;
    }

    public static ProbeOutcome parse(String field, String raw) {
        return WireNames.parse(field, raw, values(), ProbeOutcome::wireName);
    }
}
