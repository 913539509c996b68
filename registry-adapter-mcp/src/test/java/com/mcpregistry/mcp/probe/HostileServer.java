package com.mcpregistry.mcp.probe;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A plain JDK HTTP server on a loopback address that answers as a test tells it, and remembers what it was asked. */
public final class HostileServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Headers> requests = new CopyOnWriteArrayList<>();

    /** Listens on {@code address} (a loopback address such as 127.0.0.1 or 127.0.0.2), any free port. */
    public HostileServer(String address, HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 16);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestHeaders());
            try (exchange) {
                handler.handle(exchange);
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    public URI url(String path) {
        InetSocketAddress bound = server.getAddress();
        return URI.create("http://" + bound.getAddress().getHostAddress() + ":" + bound.getPort() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The headers of every request it was sent. */
    public List<Headers> requests() {
        return requests;
    }

    public static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
