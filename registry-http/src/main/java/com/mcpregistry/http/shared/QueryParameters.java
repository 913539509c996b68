package com.mcpregistry.http.shared;

import com.mcpregistry.domain.Text;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.paging.Cursor;
import com.mcpregistry.paging.PageRequest;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/** Reading query parameters into the registry's types, with a 400 naming the parameter when one is wrong. */
public final class QueryParameters {
    public static final int MAX_SEARCH_LENGTH = 200;

    private QueryParameters() {}

    /** {@code limit} (1–100, default {@code defaultLimit}) and {@code cursor}. */
    public static PageRequest page(Context ctx, int defaultLimit) {
        int limit = limit(ctx, defaultLimit);
        Optional<Cursor> cursor = optional(ctx, "cursor", Cursor::decode);
        return new PageRequest(limit, cursor);
    }

    /** {@code limit}, a whole number (its range is checked where it is used), {@code defaultLimit} if absent. */
    public static int limit(Context ctx, int defaultLimit) {
        return optional(ctx, "limit", raw -> {
                    try {
                        return Integer.parseInt(raw);
                    } catch (NumberFormatException e) {
                        throw InvalidInput.of("limit", "must be a whole number between 1 and " + PageRequest.MAX_LIMIT);
                    }
                })
                .orElse(defaultLimit);
    }

    /** {@code true} or {@code false} (any case); {@code false} if absent. */
    public static boolean flag(Context ctx, String name) {
        return optional(ctx, name, raw -> {
                    if (raw.equalsIgnoreCase("true")) {
                        return true;
                    }
                    if (raw.equalsIgnoreCase("false")) {
                        return false;
                    }
                    throw InvalidInput.of(name, "must be true or false");
                })
                .orElse(false);
    }

    /** A free-text search term, at most {@link #MAX_SEARCH_LENGTH} characters; blank means no search. */
    public static Optional<String> search(Context ctx) {
        return optional(ctx, "search", raw -> Text.require("search", raw, 0, MAX_SEARCH_LENGTH))
                .filter(s -> !s.isBlank());
    }

    /** An RFC 3339 time such as {@code 2025-01-31T12:00:00Z}. */
    public static Optional<Instant> time(Context ctx, String name) {
        return optional(ctx, name, raw -> {
            try {
                return OffsetDateTime.parse(raw).toInstant();
            } catch (DateTimeParseException e) {
                throw InvalidInput.of(name, "must be an RFC 3339 time such as 2025-01-31T12:00:00Z");
            }
        });
    }

    /** The parameter parsed when present and not empty; a parse failure is the parser's {@link InvalidInput}. */
    public static <T> Optional<T> optional(Context ctx, String name, Function<String, T> parse) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parse.apply(raw));
    }
}
