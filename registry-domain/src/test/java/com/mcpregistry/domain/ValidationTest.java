package com.mcpregistry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.registration.OwnerContact;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.Title;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.ServerName;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {

    @Test
    void collects_every_rejected_field_before_failing() {
        Validation validation = new Validation();

        ServerName name = validation.check(() -> new ServerName("no slash"));
        Version version = validation.check(() -> new Version("^1.2"));
        Title title = validation.check(() -> new Title("Ledger tools"));
        HttpUrl endpoint = validation.check(() -> HttpUrl.of("endpoint_url", "ftp://ledger.contoso.com"));
        OwnerContact contact = validation.check(() -> new OwnerContact("nobody"));
        validation.reject("transport", "must be one of streamable-http, sse");

        assertThat(name).isNull();
        assertThat(version).isNull();
        assertThat(endpoint).isNull();
        assertThat(contact).isNull();
        assertThat(title).isEqualTo(new Title("Ledger tools"));
        assertThatThrownBy(validation::complete)
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly(
                                        "server_name", "version", "endpoint_url", "owner_contact", "transport"));
    }

    @Test
    void a_value_checked_at_a_json_pointer_reports_its_errors_there() {
        Validation validation = new Validation();

        validation.check("/version", () -> new Version("latest"));
        validation.check("/packages/0", () -> {
            throw new InvalidInput(
                    List.of(new FieldError("/identifier", "is required"), new FieldError("/version", "x")));
        });

        assertThatThrownBy(validation::complete)
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("/version", "/packages/0/identifier", "/packages/0/version"));
    }

    @Test
    void completes_quietly_when_every_field_is_valid() {
        Validation validation = new Validation();

        Title title = validation.check(() -> new Title("Ledger tools"));

        assertThat(title.value()).isEqualTo("Ledger tools");
        assertThatCode(validation::complete).doesNotThrowAnyException();
    }

    @Test
    void lets_errors_other_than_invalid_input_through() {
        Validation validation = new Validation();

        assertThatThrownBy(() -> validation.check(() -> {
                    throw new IllegalStateException("a bug, not a client error");
                }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void invalid_input_names_at_least_one_field_and_says_what_is_wrong_with_each() {
        assertThatThrownBy(() -> new InvalidInput(List.of())).isInstanceOf(IllegalArgumentException.class);

        InvalidInput e = new InvalidInput(
                List.of(new FieldError("title", "is required"), new FieldError("version", "must not be latest")));
        assertThat(e.getMessage()).isEqualTo("title: is required; version: must not be latest");
        assertThatThrownBy(() -> e.errors().add(new FieldError("x", "y")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
