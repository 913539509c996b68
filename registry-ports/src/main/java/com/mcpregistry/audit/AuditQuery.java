package com.mcpregistry.audit;

import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.paging.PageRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A filter over the audit trail: by actor, action, registration and a lower time bound (inclusive). */
public record AuditQuery(
        Optional<UserId> actor,
        Optional<AuditAction> action,
        Optional<RegistrationId> registration,
        Optional<Instant> since,
        PageRequest page) {

    public AuditQuery {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(page, "page");
    }
}
