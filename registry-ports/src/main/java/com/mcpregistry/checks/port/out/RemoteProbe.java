package com.mcpregistry.checks.port.out;

import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import java.net.URI;

/**
 * Connects to a remote MCP server as a client and reports what it is: {@code initialize}, then every page of
 * {@code tools/list}, {@code prompts/list} and {@code resources/list}, within the caps of a check. Never throws for
 * anything the remote does: every failure is a {@link ProbeReport} with its outcome. Sends no credential.
 */
public interface RemoteProbe {

    /** What the server at {@code url}, spoken to over {@code transport}, is now. */
    ProbeReport probe(URI url, RemoteTransport transport);
}
