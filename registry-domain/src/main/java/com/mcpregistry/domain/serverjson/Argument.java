package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Text;
import com.mcpregistry.domain.Validation;
import com.mcpregistry.domain.error.InvalidInput;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** One argument of a package's command line (runtime or package arguments): positional or a named flag. */
public sealed interface Argument {
    Input input();

    Variables variables();

    boolean isRepeated();

    /** The names a transport URL of the package may refer to this argument by, as {@code {name}}. */
    Stream<String> urlVariableNames();

    /** A value inserted as it is into the command line; it needs a {@code valueHint} or a {@code value}. */
    record Positional(Input input, Variables variables, Optional<String> valueHint, boolean isRepeated)
            implements Argument {
        public Positional {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(variables, "variables");
            Objects.requireNonNull(valueHint, "valueHint");
            valueHint.ifPresent(hint -> Text.require("/valueHint", hint, KeyValueInput.MAX_NAME_LENGTH));
            if (valueHint.isEmpty() && input.value().isEmpty()) {
                throw InvalidInput.of("/valueHint", "a positional argument needs a valueHint or a value");
            }
        }

        @Override
        public Stream<String> urlVariableNames() {
            return valueHint.stream();
        }
    }

    /** A flag such as {@code --port}, with its value. */
    record Named(String name, Input input, Variables variables, boolean isRepeated) implements Argument {
        public Named {
            Text.require("/name", name, KeyValueInput.MAX_NAME_LENGTH);
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(variables, "variables");
            Validation validation = new Validation();
            // Rules 23-25 of the official publish checks: the name is the flag alone, its value and default are not.
            if (name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '<' || c == '>' || c == '$')) {
                validation.reject("/name", "must be one flag such as --port, without spaces, <, > or $");
            }
            if (input.value().filter(value -> value.startsWith(name)).isPresent()) {
                validation.reject(
                        "/value", "must not start with the argument's name " + name + ": give the value only");
            }
            if (input.defaultValue().filter(value -> value.startsWith(name)).isPresent()) {
                validation.reject(
                        "/default", "must not start with the argument's name " + name + ": give the value only");
            }
            validation.complete();
        }

        /** The flag as written ({@code --port}) and without its dashes ({@code port}). */
        @Override
        public Stream<String> urlVariableNames() {
            return Stream.of(name, name.replaceFirst("^-+", "")).distinct();
        }
    }
}
