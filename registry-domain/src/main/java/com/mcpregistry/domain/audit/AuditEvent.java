package com.mcpregistry.domain.audit;

import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One recorded change, written with the change itself and never altered. The actor is empty for changes made
 * from the command line (the break-glass admin flag); the registration is empty for changes to users. {@code
 * changes} lists the fields an edit altered; it is empty for every other action.
 */
public record AuditEvent(
        UUID id,
        Instant at,
        Optional<UserId> actorId,
        AuditAction action,
        Optional<RegistrationId> registrationId,
        Optional<RegistrationStatus> fromStatus,
        Optional<RegistrationStatus> toStatus,
        Optional<String> reason,
        Optional<String> requestId,
        List<FieldChange> changes) {

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(fromStatus, "fromStatus");
        Objects.requireNonNull(toStatus, "toStatus");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestId, "requestId");
        changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
    }
}
