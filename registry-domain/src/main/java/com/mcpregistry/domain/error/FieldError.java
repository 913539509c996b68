package com.mcpregistry.domain.error;

import java.util.Objects;

/** One rejected input field and why, in words a client can show. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
