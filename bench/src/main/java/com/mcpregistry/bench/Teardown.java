package com.mcpregistry.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything the benchmark started (PostgreSQL, the JWKS, the serve instances), stopped in reverse order when it
 * ends, fails or is interrupted: closed by the run itself and, for Ctrl-C or SIGTERM, by a shutdown hook.
 */
final class Teardown implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private volatile boolean interrupted;

    Teardown() {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            interrupted = true;
                            close();
                        },
                        "bench-teardown"));
    }

    /** Whether the benchmark was told to stop (SIGINT, SIGTERM) rather than ending by itself. */
    boolean interrupted() {
        return interrupted;
    }

    synchronized <T extends AutoCloseable> T add(T resource) {
        started.push(resource);
        return resource;
    }

    /** Stops one early (a start-up measurement's serve), and forgets it. */
    synchronized void stop(AutoCloseable resource) throws Exception {
        started.remove(resource);
        resource.close();
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("[bench] stopping failed: " + e);
            }
        }
    }
}
