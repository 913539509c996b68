package com.mcpregistry.domain.registration;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.serverjson.Description;
import com.mcpregistry.domain.serverjson.Title;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Title, description and reason: present, not blank, limited in code points (not UTF-16 units). */
class FreeTextTest {

    private static final String EMOJI = "\uD83D\uDCD2"; // one code point, two chars

    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of("title", 100, (Function<String, Object>) Title::new),
                Arguments.of("description", 100, (Function<String, Object>) Description::new),
                Arguments.of("reason", 500, (Function<String, Object>) Reason::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void one_character_is_enough(String field, int max, Function<String, Object> build) {
        assertThat(build.apply("x")).hasToString("x");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void the_limit_is_inclusive(String field, int max, Function<String, Object> build) {
        assertThat(build.apply("x".repeat(max))).hasToString("x".repeat(max));
        assertRejected(field, () -> build.apply("x".repeat(max + 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void the_limit_counts_code_points(String field, int max, Function<String, Object> build) {
        String longest = EMOJI.repeat(max);
        assertThat(longest).hasSize(2 * max);
        assertThat(build.apply(longest)).hasToString(longest);
        assertRejected(field, () -> build.apply(longest + EMOJI));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void empty_blank_and_missing_text_is_rejected(String field, int max, Function<String, Object> build) {
        assertRejected(field, () -> build.apply(null));
        assertRejected(field, () -> build.apply(""));
        assertRejected(field, () -> build.apply(" "));
        assertRejected(field, () -> build.apply("   "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void unicode_text_is_kept_as_given(String field, int max, Function<String, Object> build) {
        String text = "Grüße — 総勘定元帳 " + EMOJI;
        assertThat(build.apply(text)).hasToString(text);
    }
}
