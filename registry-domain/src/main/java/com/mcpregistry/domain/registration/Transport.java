package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.error.InvalidInput;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How MCP clients talk to a server's endpoint. */
public enum Transport {
    STREAMABLE_HTTP("streamable-http"),
    SSE("sse");

    private final String wireName;

    Transport(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON, in the database and in the MCP registry API. */
    public String wireName() {
        return wireName;
    }

    public static Transport parse(String field, String raw) {
        return Arrays.stream(values())
                .filter(t -> t.wireName.equals(raw))
                .findFirst()
                .orElseThrow(() -> InvalidInput.of(
                        field,
                        "must be one of "
                                + Arrays.stream(values())
                                        .map(Transport::wireName)
                                        .collect(Collectors.joining(", "))));
    }
}
