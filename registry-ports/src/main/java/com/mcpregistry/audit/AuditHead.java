package com.mcpregistry.audit;

import com.mcpregistry.domain.audit.AuditChain;
import java.util.Objects;

/**
 * The head of the audit trail at one moment, what a checkpoint states: how many events it holds and the newest one's
 * hash. An empty trail's head is {@link AuditChain#GENESIS} after zero events.
 */
public record AuditHead(long events, String hash) {
    public AuditHead {
        Objects.requireNonNull(hash, "hash");
        if (events < 0) {
            throw new IllegalArgumentException("a trail holds 0 or more events");
        }
    }

    /** The head of a trail without events. */
    public static AuditHead empty() {
        return new AuditHead(0, AuditChain.GENESIS);
    }
}
