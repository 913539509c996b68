package com.mcpregistry.domain.error;

/** A dependency (database, identity provider) cannot be reached now; the caller may retry later. */
public final class Unavailable extends DomainException {
    public Unavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public Unavailable(String message) {
        super(message);
    }
}
