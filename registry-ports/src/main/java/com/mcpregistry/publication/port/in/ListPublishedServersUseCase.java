package com.mcpregistry.publication.port.in;

import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.publication.PublishedServer;
import com.mcpregistry.publication.PublishedServerPage;
import com.mcpregistry.publication.PublishedServerQuery;
import com.mcpregistry.publication.VersionSelector;
import java.util.List;

/**
 * Reads what the MCP Registry API (v0.1) publishes, for anyone: Approved registrations as {@code active},
 * Deprecated ones as {@code deprecated}, deleted ones as {@code deleted} when asked for. Pending and Rejected
 * registrations never appear.
 */
public interface ListPublishedServersUseCase {

    /** The message of every "not found" answer, worded as the official registry words it. */
    PublishedServerPage list(PublishedServerQuery query);

    /**
     * Every version of one server, most recently published first.
     *
     * @throws NotFound when the server has no (non-deleted, unless asked for) published version
     */
    List<PublishedServer> versions(ServerName serverName, boolean includeDeleted);

    /**
     * One version of one server, or its latest.
     *
     * @throws NotFound when there is no such published version
     */
    PublishedServer version(ServerName serverName, VersionSelector version, boolean includeDeleted);
}
