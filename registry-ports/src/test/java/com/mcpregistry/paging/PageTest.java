package com.mcpregistry.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PageTest {

    private static final Instant T = Instant.parse("2025-03-01T09:00:00Z");
    private static final Function<Integer, Cursor> POSITION = i -> new Cursor(T.plusSeconds(i), new UUID(0, i));

    @Test
    void fewer_rows_than_the_limit_is_the_last_page() {
        Page<Integer> page = Page.of(List.of(1, 2), 3, POSITION);

        assertThat(page.items()).containsExactly(1, 2);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void exactly_the_limit_is_the_last_page() {
        Page<Integer> page = Page.of(List.of(1, 2, 3), 3, POSITION);

        assertThat(page.items()).containsExactly(1, 2, 3);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void one_row_more_than_the_limit_shows_the_limit_and_points_at_the_last_row_shown() {
        Page<Integer> page = Page.of(List.of(1, 2, 3, 4), 3, POSITION);

        assertThat(page.items()).containsExactly(1, 2, 3);
        assertThat(page.next()).contains(POSITION.apply(3));
    }

    @Test
    void mapping_a_page_keeps_its_cursor() {
        Page<Integer> page = Page.of(List.of(1, 2, 3, 4), 3, POSITION);

        Page<String> mapped = page.map(i -> "#" + i);

        assertThat(mapped.items()).containsExactly("#1", "#2", "#3");
        assertThat(mapped.next()).isEqualTo(page.next());
    }
}
