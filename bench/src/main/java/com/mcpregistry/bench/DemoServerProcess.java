package com.mcpregistry.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * {@code java -jar mcp-registry.jar demo-server --port P}: the small real MCP server the checks measurement checks,
 * in a process of its own so that its CPU time is read apart from serve's and PostgreSQL's, and its heap is not the
 * benchmark's. Ready once its port takes connections; closing it stops it as {@link ServeProcess} stops serve.
 */
final class DemoServerProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final Process process;
    private final int port;

    private DemoServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static DemoServerProcess start(ProcessBuilder builder, int port) throws IOException {
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (!acceptsConnections(port)) {
                if (!process.isAlive()) {
                    throw new BenchmarkFailure("the demo MCP server stopped (see "
                            + builder.redirectOutput().file() + ")");
                }
                if (System.nanoTime() - start > READY_WITHIN.toNanos()) {
                    ServeProcess.stop(process);
                    throw new BenchmarkFailure(
                            "the demo MCP server was not ready within " + READY_WITHIN.toSeconds() + " s");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            ServeProcess.stop(process);
            Thread.currentThread().interrupt();
            throw new BenchmarkFailure("interrupted");
        }
        return new DemoServerProcess(process, port);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        ServeProcess.stop(process);
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
