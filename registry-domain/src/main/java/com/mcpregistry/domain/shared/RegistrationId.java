package com.mcpregistry.domain.shared;

import com.mcpregistry.domain.error.InvalidInput;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** The id of one registration (one version of one server). */
public record RegistrationId(UUID value) {
    // UUID.fromString alone also takes "1-1-1-1-1" or "+1-1-1-1-1"; clients must send the canonical form.
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public RegistrationId {
        Objects.requireNonNull(value, "value");
    }

    public static RegistrationId random() {
        return new RegistrationId(UUID.randomUUID());
    }

    /** Parses client input; a malformed id is an {@link InvalidInput} on {@code field}. */
    public static RegistrationId parse(String field, String raw) {
        if (raw == null || !CANONICAL.matcher(raw).matches()) {
            throw InvalidInput.of(field, "must be a UUID");
        }
        return new RegistrationId(UUID.fromString(raw));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
