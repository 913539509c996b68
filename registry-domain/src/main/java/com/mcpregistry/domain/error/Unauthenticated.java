package com.mcpregistry.domain.error;

/** The caller could not be identified. The message is safe to log, never to echo secrets. */
public final class Unauthenticated extends DomainException {
    public Unauthenticated(String message) {
        super(message);
    }
}
