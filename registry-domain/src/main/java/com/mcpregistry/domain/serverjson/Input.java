package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Validation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client fills in or asks its user for: the fields every argument, header, environment variable and URL
 * variable of server.json shares. A secret never comes with a value or a default, which would publish it.
 */
public record Input(
        Optional<String> description,
        boolean isRequired,
        InputFormat format,
        Optional<String> value,
        boolean isSecret,
        Optional<String> defaultValue,
        Optional<String> placeholder,
        List<String> choices) {

    /** An input with nothing said about it: a plain, optional string the user is asked for. */
    public static final Input NONE = new Input(
            Optional.empty(),
            false,
            InputFormat.STRING,
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.empty(),
            List.of());

    public Input {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(placeholder, "placeholder");
        choices = List.copyOf(choices);
        Validation validation = new Validation();
        if (isSecret && value.isPresent()) {
            validation.reject("/value", "must not be given for a secret input: the registry would publish the secret");
        }
        if (isSecret && defaultValue.isPresent()) {
            validation.reject(
                    "/default", "must not be given for a secret input: the registry would publish the secret");
        }
        if (defaultValue.isPresent() && !choices.isEmpty() && !choices.contains(defaultValue.get())) {
            validation.reject("/default", "must be one of the choices");
        }
        validation.complete();
    }
}
