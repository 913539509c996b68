package com.mcpregistry.http.identity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.mcpregistry.domain.user.User;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A user as the API writes it. {@code is_admin} is the stored break-glass flag. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserJson(
        UUID userId,
        String tenantId,
        String objectId,
        Optional<String> email,
        String displayName,
        boolean isAdmin,
        Instant createdAt,
        Instant updatedAt,
        Instant lastSeenAt) {

    public static UserJson of(User u) {
        return new UserJson(
                u.id().value(),
                u.identity().tenantId(),
                u.identity().objectId(),
                u.email(),
                u.displayName(),
                u.admin(),
                u.createdAt(),
                u.updatedAt(),
                u.lastSeenAt());
    }
}
