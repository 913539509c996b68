package com.mcpregistry.http.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.registration.RegistrationId;
import com.mcpregistry.domain.registration.RegistrationStatus;
import com.mcpregistry.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An audit event as the API writes it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuditEventJson(
        UUID eventId,
        Instant at,
        Optional<UUID> actorId,
        String action,
        Optional<UUID> registrationId,
        Optional<String> fromStatus,
        Optional<String> toStatus,
        Optional<String> reason,
        Optional<String> requestId) {

    public static AuditEventJson of(AuditEvent e) {
        return new AuditEventJson(
                e.id(),
                e.at(),
                e.actorId().map(UserId::value),
                e.action(),
                e.registrationId().map(RegistrationId::value),
                e.fromStatus().map(RegistrationStatus::label),
                e.toStatus().map(RegistrationStatus::label),
                e.reason(),
                e.requestId());
    }
}
