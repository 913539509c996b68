package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.audit.AuditEvent;
import java.util.Objects;

/** The outcome of a workflow step: the registration as it now is and the audit event that records the step. */
public record Change(Registration registration, AuditEvent event) {
    public Change {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(event, "event");
    }
}
