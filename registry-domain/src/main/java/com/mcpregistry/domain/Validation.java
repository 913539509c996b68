package com.mcpregistry.domain;

import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects the errors of several fields so that a client hears about all of them at once. */
public final class Validation {
    private final List<FieldError> errors = new ArrayList<>();

    /** Builds one value; on {@link InvalidInput} records its errors and returns null. */
    public <T> T check(Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidInput e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /**
     * Builds one value found at the JSON pointer {@code pointer}; on {@link InvalidInput} records its errors there
     * and returns null. An error named by a pointer inside the value ({@code /identifier}) is placed below
     * {@code pointer}; an error named by a plain field name ({@code version}) is the value itself, at {@code pointer}.
     */
    public <T> T check(String pointer, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidInput e) {
            for (FieldError error : e.errors()) {
                String field = error.field().startsWith("/") ? pointer + error.field() : pointer;
                errors.add(new FieldError(field, error.message()));
            }
            return null;
        }
    }

    public void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Throws one {@link InvalidInput} with every error collected so far, if any. */
    public void complete() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
