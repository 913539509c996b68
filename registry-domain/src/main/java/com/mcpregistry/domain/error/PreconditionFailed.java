package com.mcpregistry.domain.error;

/** The caller's expected row version (If-Match) is not the current one. */
public final class PreconditionFailed extends DomainException {
    public PreconditionFailed(String message) {
        super(message);
    }
}
