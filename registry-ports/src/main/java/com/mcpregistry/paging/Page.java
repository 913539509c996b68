package com.mcpregistry.paging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** One page of a keyset-paged list; {@code next} is present when more items may follow. */
public record Page<T>(List<T> items, Optional<Cursor> next) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    /**
     * The page made from up to {@code limit + 1} rows fetched in order: the extra row only tells that there is
     * more, and the cursor points at the last row shown.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, Cursor> position) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> shown = fetched.subList(0, limit);
        return new Page<>(shown, Optional.of(position.apply(shown.get(limit - 1))));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
