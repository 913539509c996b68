package com.mcpregistry.http.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.mcpregistry.paging.Cursor;
import com.mcpregistry.paging.Page;
import java.util.List;
import java.util.function.Function;

/** A page of items as the API writes it: {@code {"items":[…],"next_cursor":…}}, the cursor null on the last page. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageJson<T>(List<T> items, String nextCursor) {

    public static <D, T> PageJson<T> of(Page<D> page, Function<D, T> toJson) {
        return new PageJson<>(
                page.items().stream().map(toJson).toList(),
                page.next().map(Cursor::encode).orElse(null));
    }
}
