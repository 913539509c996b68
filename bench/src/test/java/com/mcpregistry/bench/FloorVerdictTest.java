package com.mcpregistry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FloorVerdictTest {

    @Test
    void equal_answers_are_no_difference() {
        assertThat(FloorVerdict.difference("/p", bytes("{\"a\":1}"), bytes("{\"a\":1}")))
                .isEmpty();
        assertThat(new FloorVerdict(64, Optional.empty()).text())
                .isEqualTo("byte for byte the same as serve's (64 answers)");
    }

    @Test
    void a_difference_says_where_it_starts_and_what_each_side_has_there() {
        Optional<String> difference = FloorVerdict.difference(
                "/registrations/1", bytes("{\"can\":[],\"x\":1}"), bytes("{\"can\":[\"edit\"]}"));

        assertThat(difference)
                .contains("differs from serve's at byte 8 of GET /registrations/1 (16 bytes, the floor's 16): serve"
                        + " …{\"can\":[],\"x\":1}… floor …{\"can\":[\"edit\"]}…");
    }

    @Test
    void an_answer_that_ends_early_differs_where_it_ends() {
        assertThat(FloorVerdict.difference("/p", bytes("{\"a\":1}"), bytes("{\"a\":1}\n")))
                .hasValueSatisfying(text -> assertThat(text).startsWith("differs from serve's at byte 7 of GET /p"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
