package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.shared.ServerName;
import java.util.Objects;

/**
 * One server.json document of the official schema (edition {@value #SCHEMA_EDITION}): a server's name, its version,
 * and what it is.
 */
public record ServerDocument(ServerName name, Version version, ServerDefinition definition) {

    public static final String SCHEMA_EDITION = "2025-12-11";

    public ServerDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(definition, "definition");
    }
}
