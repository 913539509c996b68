package com.mcpregistry.domain.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * One field an audited change altered: its name and, unless the field is secret, its value before and after (empty
 * when the field had no value). A secret field is recorded by name only, so the trail never holds its values.
 */
public record FieldChange(String field, boolean secret, Optional<String> oldValue, Optional<String> newValue) {

    public FieldChange {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(oldValue, "oldValue");
        Objects.requireNonNull(newValue, "newValue");
        if (field.isBlank()) {
            throw new IllegalArgumentException("a changed field has a name");
        }
        if (secret && (oldValue.isPresent() || newValue.isPresent())) {
            throw new IllegalArgumentException("a secret field's values are never recorded");
        }
    }

    /** A field whose values may be kept in the audit trail. */
    public static FieldChange of(String field, Optional<String> oldValue, Optional<String> newValue) {
        return new FieldChange(field, false, oldValue, newValue);
    }

    /** A secret field that changed: only its name is recorded. */
    public static FieldChange secret(String field) {
        return new FieldChange(field, true, Optional.empty(), Optional.empty());
    }
}
