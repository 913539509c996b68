package com.mcpregistry.domain.checks;

import com.mcpregistry.domain.serverjson.Remote;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A remote as the registry checks it: its URL with every variable filled in by its default, and its transport. A
 * remote whose URL needs a value only its user knows (a variable without a default) is not checked.
 */
public record CheckedRemote(String url, RemoteTransport transport) {
    public CheckedRemote {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(transport, "transport");
    }

    /** The remotes of {@code definition} that the registry checks, in the document's order, each once. */
    public static List<CheckedRemote> of(ServerDefinition definition) {
        return definition.remotes().stream()
                .flatMap(CheckedRemote::of)
                .distinct()
                .toList();
    }

    private static Stream<CheckedRemote> of(Remote remote) {
        return remote.urlWithDefaults().map(url -> new CheckedRemote(url.value(), remote.type())).stream();
    }
}
