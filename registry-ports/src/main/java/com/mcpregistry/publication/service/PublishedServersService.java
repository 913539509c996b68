package com.mcpregistry.publication.service;

import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.publication.PublishedServer;
import com.mcpregistry.publication.PublishedServerPage;
import com.mcpregistry.publication.PublishedServerQuery;
import com.mcpregistry.publication.VersionSelector;
import com.mcpregistry.publication.port.in.ListPublishedServersUseCase;
import com.mcpregistry.publication.port.out.PublishedServers;
import java.util.List;
import java.util.Optional;

/** The MCP Registry API's reads, straight from the {@link PublishedServers} read model. */
public final class PublishedServersService implements ListPublishedServersUseCase {
    private static final String SERVER_NOT_FOUND = "Server not found";

    private final PublishedServers published;

    public PublishedServersService(PublishedServers published) {
        this.published = published;
    }

    @Override
    public PublishedServerPage list(PublishedServerQuery query) {
        return published.list(query);
    }

    @Override
    public List<PublishedServer> versions(ServerName serverName, boolean includeDeleted) {
        List<PublishedServer> versions = published.versions(serverName, includeDeleted);
        if (versions.isEmpty()) {
            throw new NotFound(SERVER_NOT_FOUND);
        }
        return versions;
    }

    @Override
    public PublishedServer version(ServerName serverName, VersionSelector version, boolean includeDeleted) {
        Optional<PublishedServer> found = version instanceof VersionSelector.Exact exact
                ? published.version(serverName, exact.version(), includeDeleted)
                : published.latest(serverName);
        return found.orElseThrow(() -> new NotFound(SERVER_NOT_FOUND));
    }
}
