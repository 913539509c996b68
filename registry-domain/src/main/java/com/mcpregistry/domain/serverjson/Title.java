package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Text;

/** A server's human-readable name, 1 to 100 characters. */
public record Title(String value) {
    public static final int MAX_LENGTH = 100;

    public Title {
        Text.require("title", value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
