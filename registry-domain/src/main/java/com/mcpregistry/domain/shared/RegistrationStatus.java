package com.mcpregistry.domain.shared;

import com.mcpregistry.domain.error.InvalidInput;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Where a registration stands in review. */
public enum RegistrationStatus {
    PENDING("Pending"),
    APPROVED("Approved"),
    REJECTED("Rejected"),
    DEPRECATED("Deprecated");

    private final String label;

    RegistrationStatus(String label) {
        this.label = label;
    }

    /** The name used in JSON and in the database: {@code Pending}, {@code Approved}, … */
    public String label() {
        return label;
    }

    /** Whether every signed-in user may see registrations in this status. */
    public boolean isPublished() {
        return this == APPROVED || this == DEPRECATED;
    }

    public static RegistrationStatus parse(String field, String raw) {
        return Arrays.stream(values())
                .filter(s -> s.label.equals(raw))
                .findFirst()
                .orElseThrow(() -> InvalidInput.of(
                        field,
                        "must be one of "
                                + Arrays.stream(values())
                                        .map(RegistrationStatus::label)
                                        .collect(Collectors.joining(", "))));
    }
}
