package com.mcpregistry.domain.error;

/** The change was asked for an earlier version of the registration than the current one. */
public final class StaleVersion extends DomainException {
    public StaleVersion(String message) {
        super(message);
    }
}
