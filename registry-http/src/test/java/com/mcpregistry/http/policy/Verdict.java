package com.mcpregistry.http.policy;

/** What a client decides for a configured server. */
public enum Verdict {
    /** It may run. */
    ALLOWED,
    /** A deny entry matches it. */
    DENIED,
    /** An allowlist is set and no entry of it matches (or, for Copilot, the client cannot verify it). */
    NOT_ALLOWED
}
