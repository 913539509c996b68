package com.mcpregistry.domain.error;

/**
 * A client's idempotency key is being remembered by another submission at this moment: a conflict that a retry
 * (which then replays the first answer) resolves.
 */
public final class IdempotencyKeyInUse extends Conflict {
    public IdempotencyKeyInUse() {
        super("the idempotency key is being used by a concurrent request");
    }
}
