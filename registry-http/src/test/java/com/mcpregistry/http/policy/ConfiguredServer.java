package com.mcpregistry.http.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An MCP server as a client has it configured: the name its user (or the client, installing it from a registry) gave
 * it, and its URL (a remote server) or its command line (a local one), as the client would check it against its
 * allow and deny lists. A server from a registry that is not installed yet has neither (VS Code checks it by name and
 * first remote before installing it).
 */
public record ConfiguredServer(String name, Optional<String> url, Optional<List<String>> command) {
    public ConfiguredServer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        command = command.map(List::copyOf);
    }

    public static ConfiguredServer remote(String name, String url) {
        return new ConfiguredServer(name, Optional.of(url), Optional.empty());
    }

    public static ConfiguredServer local(String name, String... command) {
        return new ConfiguredServer(name, Optional.empty(), Optional.of(List.of(command)));
    }

    public boolean isRemote() {
        return url.isPresent();
    }

    @Override
    public String toString() {
        return name + " " + url.orElseGet(() -> command.map(Object::toString).orElse("(not installed)"));
    }
}
