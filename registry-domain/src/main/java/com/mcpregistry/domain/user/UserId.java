package com.mcpregistry.domain.user;

import com.mcpregistry.domain.error.InvalidInput;
import java.util.Objects;
import java.util.UUID;

/** The registry's own id of a user. */
public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    /** Parses client input; a malformed id is an {@link InvalidInput} on {@code field}. */
    public static UserId parse(String field, String raw) {
        try {
            return new UserId(UUID.fromString(raw));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidInput.of(field, "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
