package com.mcpregistry.domain.shared;

import com.mcpregistry.domain.WireNames;

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
        return WireNames.parse(field, raw, values(), RegistrationStatus::label);
    }
}
