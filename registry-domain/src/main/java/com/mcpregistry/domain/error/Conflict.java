package com.mcpregistry.domain.error;

/** The request clashes with the current state: an illegal transition, a duplicate, a lost race. */
public sealed class Conflict extends DomainException permits IdempotencyKeyInUse, AlreadyTaken, QuotaReached {
    public Conflict(String message) {
        super(message);
    }

    public Conflict(String message, Throwable cause) {
        super(message, cause);
    }
}
