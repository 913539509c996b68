package com.mcpregistry.audit;

import com.mcpregistry.domain.audit.AuditChain;
import java.util.Objects;
import java.util.Optional;

/**
 * The head of the audit trail at one moment: how many events it holds, the newest one's hash and the key that hash
 * is under (empty when it is unkeyed). An empty trail's head is {@link AuditChain#GENESIS} after zero events.
 */
public record AuditHead(long events, String hash, Optional<String> keyId) {
    public AuditHead {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(keyId, "keyId");
        if (events < 0) {
            throw new IllegalArgumentException("a trail holds 0 or more events");
        }
    }

    /** The head of a trail without events. */
    public static AuditHead empty() {
        return new AuditHead(0, AuditChain.GENESIS, Optional.empty());
    }
}
