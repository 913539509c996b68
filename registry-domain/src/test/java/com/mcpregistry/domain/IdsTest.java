package com.mcpregistry.domain;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.user.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    private static final String ID = "123e4567-e89b-12d3-a456-426614174000";

    @Test
    void parses_a_uuid_in_either_case() {
        assertThat(UserId.parse("user_id", ID).value()).isEqualTo(UUID.fromString(ID));
        assertThat(RegistrationId.parse("registration_id", ID.toUpperCase()).value())
                .isEqualTo(UUID.fromString(ID));
        assertThat(RegistrationId.parse("registration_id", ID)).hasToString(ID);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "not-a-uuid",
                "123",
                "123e4567-e89b-12d3-a456-4266141740000",
                "123e4567-e89b-12d3-a456-42661417400g",
                "123e4567e89b12d3a456426614174000",
                " 123e4567-e89b-12d3-a456-426614174000",
                "123e4567-e89b-12d3-a456-426614174000 ",
                "{123e4567-e89b-12d3-a456-426614174000}",
                "1-1-1-1-1",
                "+1-1-1-1-1",
                "123e4567-e89b-12d3-a456-42661417400",
                "123e4567-e89b-12d3-a4560-26614174000",
            })
    void anything_but_a_canonical_uuid_is_invalid_input_on_the_named_field(String raw) {
        assertRejected("user_id", () -> UserId.parse("user_id", raw));
        assertRejected("registration_id", () -> RegistrationId.parse("registration_id", raw));
    }

    @Test
    void random_ids_differ() {
        assertThat(UserId.random()).isNotEqualTo(UserId.random());
        assertThat(RegistrationId.random()).isNotEqualTo(RegistrationId.random());
    }
}
