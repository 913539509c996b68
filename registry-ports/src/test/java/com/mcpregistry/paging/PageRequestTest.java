package com.mcpregistry.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.InvalidInput;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 20, 99, 100})
    void a_limit_from_1_to_100_is_accepted(int limit) {
        assertThat(PageRequest.first(limit).limit()).isEqualTo(limit);
        assertThat(PageRequest.first(limit).after()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 101, -1, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void any_other_limit_is_invalid_input_on_limit(int limit) {
        Throwable thrown = catchThrowable(() -> new PageRequest(limit, Optional.empty()));

        assertThat(thrown).isInstanceOf(InvalidInput.class);
        assertThat(((InvalidInput) thrown).errors())
                .extracting(FieldError::field)
                .containsExactly("limit");
    }
}
