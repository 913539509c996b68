package com.mcpregistry.audit;

import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.user.User;
import java.util.Objects;
import java.util.Optional;

/**
 * An audit event as the trail reads it back, with who its actor is (display name and e-mail) when the actor is a
 * known user; read together with the event, never one user at a time.
 */
public record AuditEntry(AuditEvent event, Optional<User.Profile> actor) {
    public AuditEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(actor, "actor");
    }
}
