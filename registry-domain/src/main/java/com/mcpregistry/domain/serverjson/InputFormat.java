package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.WireNames;

/** What kind of value an input takes; {@code string} when server.json does not say. */
public enum InputFormat {
    STRING("string"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    FILEPATH("filepath");

    private final String wireName;

    InputFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static InputFormat parse(String field, String raw) {
        return WireNames.parse(field, raw, values(), InputFormat::wireName);
    }
}
