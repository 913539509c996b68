package com.mcpregistry.domain.serverjson;

import static com.mcpregistry.domain.testing.ServerDocumentTestData.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.InvalidInput;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules 20 and 22-25 of the official publish checks, held by the values themselves. */
class ArgumentTest {

    @ParameterizedTest
    @ValueSource(strings = {"--port <number>", "--port$", "<port>", "--port 8080"})
    void a_named_arguments_name_is_the_flag_alone(String name) {
        assertThatThrownBy(() -> new Argument.Named(name, Input.NONE, Variables.NONE, false))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("/name"));
    }

    @Test
    void a_named_arguments_value_and_default_are_the_value_without_the_flag() {
        assertThatThrownBy(() -> new Argument.Named(
                        "--port", input().value("--port=8080").build(), Variables.NONE, false))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("/value"));
        assertThatThrownBy(() -> new Argument.Named(
                        "--port", input().defaultValue("--port 8080").build(), Variables.NONE, false))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("/default"));
        assertThatCode(() -> new Argument.Named("--port", input().value("8080").build(), Variables.NONE, false))
                .doesNotThrowAnyException();
    }

    @Test
    void a_package_identifier_has_no_spaces() {
        assertThatThrownBy(() -> new Package(
                        RegistryType.NPM,
                        Optional.empty(),
                        "@contoso/ledger tools",
                        Optional.of(new Version("1.0.0")),
                        Optional.empty(),
                        Optional.empty(),
                        new Transport.Stdio(),
                        List.of(),
                        List.of(),
                        List.of()))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .contains("/identifier"));
    }
}
