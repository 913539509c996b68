package com.mcpregistry.domain.error;

/** The caller is known but may not do this. */
public non-sealed class Forbidden extends DomainException {
    public Forbidden(String message) {
        super(message);
    }
}
