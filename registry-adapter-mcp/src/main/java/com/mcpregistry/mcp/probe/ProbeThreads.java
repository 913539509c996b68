package com.mcpregistry.mcp.probe;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads the checks' HTTP clients run their work on, shared by every check. Each check builds its own client
 * (pinned to the address it resolved), and a client left to itself starts its own pool, whose threads outlive the
 * check by a minute: with thousands of checks a minute they added up to hundreds of idle threads and their stacks.
 * Shared, they are reused across checks.
 */
final class ProbeThreads {

    static final ExecutorService HTTP = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "remote-probe-http");
        thread.setDaemon(true);
        return thread;
    });

    private ProbeThreads() {}
}
