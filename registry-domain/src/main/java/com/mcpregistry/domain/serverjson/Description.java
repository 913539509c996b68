package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.Text;

/** What a server does, 1 to 100 characters (the MCP registry's limit). */
public record Description(String value) {
    public static final int MAX_LENGTH = 100;

    public Description {
        Text.require("description", value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
