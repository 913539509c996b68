package com.mcpregistry.domain.checks;

import java.util.Objects;

/** Who a server said it is in its {@code initialize} answer. */
public record ServerInfo(String name, String version) {
    public ServerInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }
}
