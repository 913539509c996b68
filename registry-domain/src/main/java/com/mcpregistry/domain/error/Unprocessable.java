package com.mcpregistry.domain.error;

/** The request is well-formed but cannot be processed as sent, e.g. an idempotency key reused for another body. */
public final class Unprocessable extends DomainException {
    public Unprocessable(String message) {
        super(message);
    }
}
