package com.mcpregistry.domain.error;

/** A client's idempotency key, already used for one submission, came again with a different one. */
public final class IdempotencyKeyReused extends DomainException {
    public IdempotencyKeyReused(String message) {
        super(message);
    }
}
