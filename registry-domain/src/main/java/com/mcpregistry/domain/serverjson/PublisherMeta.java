package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.error.InvalidInput;
import java.nio.charset.StandardCharsets;

/**
 * What a publisher adds under {@code _meta} for downstream registries, kept as the JSON text the adapter read
 * (the domain does not look inside), at most 4 KiB.
 */
public record PublisherMeta(String json) {
    public static final int MAX_BYTES = 4096;
    /** Where server.json keeps it. */
    public static final String POINTER = "/_meta/io.modelcontextprotocol.registry~1publisher-provided";

    public PublisherMeta {
        if (json == null || json.isBlank()) {
            throw InvalidInput.of(POINTER, "is required");
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw InvalidInput.of(POINTER, "must be at most " + MAX_BYTES + " bytes of JSON");
        }
    }
}
