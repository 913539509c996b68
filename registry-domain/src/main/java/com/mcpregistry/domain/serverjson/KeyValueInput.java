package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Text;
import java.util.Objects;

/** An environment variable of a package or an HTTP header of a transport: its name and what goes in it. */
public record KeyValueInput(String name, Input input, Variables variables) {
    public static final int MAX_NAME_LENGTH = 255;

    public KeyValueInput {
        Text.require("/name", name, MAX_NAME_LENGTH);
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(variables, "variables");
    }
}
