package com.mcpregistry.audit;

import com.mcpregistry.domain.audit.AuditEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * An audit event as the trail stores it in the chain: the hash of the event before it, the id of the key its own
 * hash is under (empty for an unkeyed event), and that hash.
 */
public record ChainLink(AuditEvent event, String previousHash, Optional<String> keyId, String hash) {
    public ChainLink {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(hash, "hash");
    }
}
