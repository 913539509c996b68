package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.Text;

/** Why a reviewer rejected or deprecated a registration, 1 to 1000 characters. */
public record Reason(String value) {
    public static final int MAX_LENGTH = 1000;

    public Reason {
        Text.require("reason", value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
