package com.mcpregistry.domain.user;

import com.mcpregistry.domain.error.InvalidInput;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** The registry's own id of a user. */
public record UserId(UUID value) {
    // UUID.fromString alone also takes "1-1-1-1-1" or "+1-1-1-1-1"; clients must send the canonical form.
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    /** Parses client input; a malformed id is an {@link InvalidInput} on {@code field}. */
    public static UserId parse(String field, String raw) {
        if (raw == null || !CANONICAL.matcher(raw).matches()) {
            throw InvalidInput.of(field, "must be a UUID");
        }
        return new UserId(UUID.fromString(raw));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
