package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.Text;

/** Why a reviewer rejected or deprecated a registration, 1 to 500 characters (the MCP registry's limit for a status message). */
public record Reason(String value) {
    public static final int MAX_LENGTH = 500;

    public Reason {
        Text.require("reason", value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
