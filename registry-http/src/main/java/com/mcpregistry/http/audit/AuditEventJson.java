package com.mcpregistry.http.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.audit.FieldChange;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An audit event as the API writes it: {@code actor} names the acting user (left out for command-line changes
 * and users the registry does not know), {@code changes} lists the fields an edit changed.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuditEventJson(
        UUID eventId,
        Instant at,
        Optional<UUID> actorId,
        Optional<ActorJson> actor,
        String action,
        Optional<UUID> registrationId,
        Optional<String> fromStatus,
        Optional<String> toStatus,
        Optional<String> reason,
        Optional<String> requestId,
        Optional<List<ChangeJson>> changes) {

    /** Who acted: the user's id, display name and e-mail (left out when the user has none). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ActorJson(UUID userId, String displayName, Optional<String> email) {}

    /**
     * One changed field: {@code old} and {@code new} are left out when the field had no value, and both for a
     * secret field, which says {@code "secret": true}.
     */
    public record ChangeJson(
            String field,
            Optional<Boolean> secret,
            @JsonProperty("old") Optional<String> oldValue,
            @JsonProperty("new") Optional<String> newValue) {

        static ChangeJson of(FieldChange change) {
            return new ChangeJson(
                    change.field(),
                    change.secret() ? Optional.of(true) : Optional.empty(),
                    change.oldValue(),
                    change.newValue());
        }
    }

    public static AuditEventJson of(AuditEntry entry) {
        AuditEvent e = entry.event();
        return new AuditEventJson(
                e.id(),
                e.at(),
                e.actorId().map(UserId::value),
                e.actorId()
                        .flatMap(id -> entry.actor()
                                .map(profile -> new ActorJson(id.value(), profile.displayName(), profile.email()))),
                e.action().wireName(),
                e.registrationId().map(RegistrationId::value),
                e.fromStatus().map(RegistrationStatus::label),
                e.toStatus().map(RegistrationStatus::label),
                e.reason(),
                e.requestId(),
                e.changes().isEmpty()
                        ? Optional.empty()
                        : Optional.of(e.changes().stream().map(ChangeJson::of).toList()));
    }
}
