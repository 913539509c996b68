package com.mcpregistry.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.publication.PublishedServerQuery;
import com.mcpregistry.registration.port.out.RegistrationQuery;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchTextTest {

    /** Terms no trigram index can serve: issue 11's list, and their kin. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "%",
                "--",
                "zq",
                "é",
                "%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_",
                "_",
                "\\",
                "a b c",
                "ab-cd",
                "   ",
                "..."
            })
    void a_term_without_three_letters_or_digits_in_a_row_is_refused_by_both_lists(String term) {
        assertThatThrownBy(() -> new RegistrationQuery(
                        new RegistrationQuery.Mine(new Actor(new UserId(UUID.randomUUID()), false)),
                        Optional.empty(),
                        Optional.of(term),
                        PageRequest.first(10)))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("search");
                            assertThat(error.message()).contains("at least 3 letters or digits in a row");
                        }));
        assertThatThrownBy(() -> new PublishedServerQuery(
                        Optional.of(term), Optional.empty(), false, Optional.empty(), 30, Optional.empty()))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("search");
    }

    @ParameterizedTest
    @ValueSource(strings = {"git", "100%", "a_b_cde", "ééé", "日本語", "com.contoso/ledger", "--abc--", "x9z"})
    void a_term_with_three_letters_or_digits_in_a_row_is_searched(String term) {
        assertThat(SearchText.require(term)).isEqualTo(term);
    }
}
