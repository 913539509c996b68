package com.mcpregistry.domain.error;

import java.util.Objects;

/** The caller's access token is valid but was not granted the scope this registry requires. */
public final class InsufficientScope extends DomainException {
    private final String requiredScope;

    public InsufficientScope(String requiredScope) {
        super("the access token lacks the scope " + requiredScope);
        this.requiredScope = Objects.requireNonNull(requiredScope, "requiredScope");
    }

    public String requiredScope() {
        return requiredScope;
    }
}
