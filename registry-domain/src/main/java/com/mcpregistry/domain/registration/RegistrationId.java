package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.error.InvalidInput;
import java.util.Objects;
import java.util.UUID;

/** The id of one registration (one version of one server). */
public record RegistrationId(UUID value) {
    public RegistrationId {
        Objects.requireNonNull(value, "value");
    }

    public static RegistrationId random() {
        return new RegistrationId(UUID.randomUUID());
    }

    /** Parses client input; a malformed id is an {@link InvalidInput} on {@code field}. */
    public static RegistrationId parse(String field, String raw) {
        try {
            return new RegistrationId(UUID.fromString(raw));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidInput.of(field, "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
