package com.mcpregistry.domain.serverjson;

import static com.mcpregistry.domain.Rejections.assertRejected;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.InvalidInput;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputTest {

    @Test
    void a_secret_has_no_default() {
        assertRejected(
                "/default", () -> input().secret().defaultValue("hunter2").build());
    }

    @Test
    void a_secret_has_no_value() {
        assertRejected("/value", () -> input().secret().value("Bearer abc").build());
    }

    @Test
    void a_secret_with_both_reports_both() {
        assertThatThrownBy(() -> input().secret().value("a").defaultValue("b").build())
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("/value", "/default"));
    }

    @Test
    void a_secret_the_user_is_asked_for_is_fine_and_so_is_a_default_of_a_plain_input() {
        assertThat(input().secret().required().build().isSecret()).isTrue();
        assertThat(input().defaultValue("8080").build().defaultValue()).contains("8080");
    }

    @Test
    void a_default_is_one_of_the_choices() {
        assertThat(input().choices("a", "b").defaultValue("b").build().choices())
                .containsExactly("a", "b");
        assertRejected(
                "/default", () -> input().choices("a", "b").defaultValue("c").build());
    }

    @Test
    void a_positional_argument_needs_a_value_hint_or_a_value() {
        // examples/invalid/positional-argument-missing-value.json
        assertRejected(
                "/valueHint", () -> new Argument.Positional(Input.NONE, Variables.NONE, Optional.empty(), false));
        assertThat(new Argument.Positional(input().value("mcp").build(), Variables.NONE, Optional.empty(), true)
                        .isRepeated())
                .isTrue();
    }

    @Test
    void a_named_argument_is_one_flag() {
        assertRejected("/name", () -> new Argument.Named(" ", Input.NONE, Variables.NONE, false));
        assertRejected("/name", () -> new Argument.Named("--port 8080", Input.NONE, Variables.NONE, false));
    }

    @Test
    void a_header_or_environment_variable_has_a_name() {
        assertRejected("/name", () -> new KeyValueInput("", Input.NONE, Variables.NONE));
    }

    @Test
    void variables_have_names_and_keep_their_order() {
        assertRejected("/ ", () -> new Variables(Map.of(" ", Input.NONE)));
        java.util.LinkedHashMap<String, Input> ordered = new java.util.LinkedHashMap<>();
        ordered.put("zone", Input.NONE);
        ordered.put("account", Input.NONE);
        assertThat(new Variables(ordered).names()).containsExactly("zone", "account");
    }

    @Test
    void formats_and_registry_types_are_read_by_their_schema_names() {
        assertThat(InputFormat.parse("/format", "filepath")).isEqualTo(InputFormat.FILEPATH);
        assertRejected("/format", () -> InputFormat.parse("/format", "file_path"));
        assertThat(List.of(RegistryType.values()))
                .extracting(RegistryType::wireName)
                .containsExactly("npm", "pypi", "nuget", "oci", "mcpb");
        assertRejected("/packages/0/registryType", () -> RegistryType.parse("/packages/0/registryType", "cargo"));
    }
}
