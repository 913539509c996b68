package com.mcpregistry.domain.error;

/** Root of the registry's errors; each subclass is one kind that callers map to one answer. */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound,
                Conflict,
                Forbidden,
                InvalidInput,
                Unauthenticated,
                InsufficientScope,
                Unavailable,
                StaleVersion,
                VersionRequired,
                IdempotencyKeyReused {

    protected DomainException(String message) {
        super(message);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause);
    }
}
