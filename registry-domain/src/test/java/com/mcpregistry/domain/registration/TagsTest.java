package com.mcpregistry.domain.registration;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TagsTest {

    private static List<String> distinct(int count) {
        return IntStream.range(0, count).mapToObj(i -> "tag" + i).toList();
    }

    @Test
    void no_tags_at_all_is_fine() {
        assertThat(new Tags(List.of()).values()).isEmpty();
        assertThat(Tags.NONE.values()).isEmpty();
    }

    @Test
    void ten_tags_is_the_most() {
        assertThat(new Tags(distinct(10)).values()).hasSize(10);
        assertRejected("tags", () -> new Tags(distinct(11)));
    }

    @Test
    void a_tag_is_at_most_thirty_two_characters() {
        String longest = "t".repeat(32);
        assertThat(new Tags(List.of(longest)).values()).containsExactly(longest);
        assertRejected("tags[1]", () -> new Tags(List.of("ok", longest + "t")));
    }

    @Test
    void a_tag_is_not_empty_or_blank() {
        assertRejected("tags[0]", () -> new Tags(List.of("")));
        assertRejected("tags[2]", () -> new Tags(List.of("a", "b", "  ")));
        assertRejected("tags[1]", () -> new Tags(Arrays.asList("a", null)));
    }

    @Test
    void a_tag_may_not_repeat() {
        assertRejected("tags", () -> new Tags(List.of("finance", "ledger", "finance")));
    }

    @Test
    void tags_keep_their_order_and_do_not_change_with_the_list_they_came_from() {
        List<String> source = new ArrayList<>(List.of("b", "a", "c"));
        Tags tags = new Tags(source);
        source.add("d");

        assertThat(tags.values()).containsExactly("b", "a", "c");
        assertThatThrownBy(() -> tags.values().add("e")).isInstanceOf(UnsupportedOperationException.class);
    }
}
