package com.mcpregistry.paging;

import com.mcpregistry.domain.error.InvalidInput;
import java.util.Objects;
import java.util.Optional;

/** How many items a client wants, at most {@link #MAX_LIMIT}, continuing after {@code after} if given. */
public record PageRequest(int limit, Optional<Cursor> after) {
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Objects.requireNonNull(after, "after");
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }
}
