package com.mcpregistry.domain.error;

/** The thing asked for does not exist, or the caller may not know that it exists. */
public final class NotFound extends DomainException {
    public NotFound(String message) {
        super(message);
    }
}
