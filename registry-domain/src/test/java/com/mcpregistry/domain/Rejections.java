package com.mcpregistry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.InvalidInput;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that building a value is refused as invalid input on exactly one named field. */
public final class Rejections {
    private Rejections() {}

    public static void assertRejected(String field, ThrowingCallable build) {
        Throwable thrown = catchThrowable(build);
        assertThat(thrown).as("expected invalid input on %s", field).isInstanceOf(InvalidInput.class);
        assertThat(((InvalidInput) thrown).errors())
                .extracting(FieldError::field)
                .containsExactly(field);
    }
}
