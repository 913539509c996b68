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
