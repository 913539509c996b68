package com.mcpregistry.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    private static String token(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2025-03-01T09:00:00Z",
                "2025-03-01T09:00:00.123456Z",
                "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999Z",
                "2262-04-11T23:47:16.854775Z",
            })
    void a_cursor_survives_encoding_and_decoding(String at) {
        Cursor cursor = new Cursor(Instant.parse(at), UUID.randomUUID());

        String token = cursor.encode();

        assertThat(Cursor.decode(token)).isEqualTo(cursor);
        assertThat(token).matches("[A-Za-z0-9_-]+").as("safe in a query string without escaping");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "garbage", "!!!!", "a+b/c=", "%00", "MTIz", // "123"
                "fA", // "|"
            })
    void garbage_is_invalid_input_on_cursor(String token) {
        assertRejectedAsCursor(token);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "123",
                "|123e4567-e89b-12d3-a456-426614174000",
                "abc|123e4567-e89b-12d3-a456-426614174000",
                "123|",
                "123|not-a-uuid",
                "1.5|123e4567-e89b-12d3-a456-426614174000",
                "99999999999999999999|123e4567-e89b-12d3-a456-426614174000",
            })
    void well_encoded_nonsense_is_invalid_input_on_cursor(String plain) {
        assertRejectedAsCursor(token(plain));
    }

    private static void assertRejectedAsCursor(String token) {
        Throwable thrown = catchThrowable(() -> Cursor.decode(token));
        assertThat(thrown).isInstanceOf(InvalidInput.class);
        assertThat(((InvalidInput) thrown).errors())
                .extracting(FieldError::field)
                .containsExactly("cursor");
    }
}
