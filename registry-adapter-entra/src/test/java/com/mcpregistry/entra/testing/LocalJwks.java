package com.mcpregistry.entra.testing;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JWKS endpoint on 127.0.0.1 (ephemeral port) that serves {@code /{tenant}/discovery/v2.0/keys} like Entra ID
 * does, with the keys a test publishes, and counts every request it gets. Never talks to Microsoft.
 *
 * <pre>{@code
 * try (LocalJwks jwks = LocalJwks.start(tokens.tenantId())) {
 *     jwks.publish(tokens.signingKey());
 *     EntraSettings settings = tokens.settingsBuilder().authority(jwks.authority()).build();
 * }
 * }</pre>
 */
public final class LocalJwks implements AutoCloseable {

    private final HttpServer server;
    private final String keysPath;
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String body = new JWKSet().toString();
    private volatile int failureStatus;

    private LocalJwks(HttpServer server, String tenantId) {
        this.server = server;
        this.keysPath = "/" + tenantId + "/discovery/v2.0/keys";
        server.createContext("/", this::handle);
    }

    /** Starts serving an empty key set for {@code tenantId}. */
    public static LocalJwks start(String tenantId) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LocalJwks jwks = new LocalJwks(server, tenantId);
            server.start();
            return jwks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port}: use as the authority of the settings under test. */
    public String authority() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public URI jwksUri() {
        return URI.create(authority() + keysPath);
    }

    /** Serves these keys (their public halves) from now on, replacing what was published. */
    public LocalJwks publish(JWK... keys) {
        List<JWK> publicKeys = List.of(keys).stream().map(JWK::toPublicJWK).toList();
        body = new JWKSet(publicKeys).toString();
        return this;
    }

    /** Answers every request with this HTTP status (e.g. 500) until {@link #recover()}. */
    public LocalJwks failWith(int status) {
        failureStatus = status;
        return this;
    }

    /** Serves the published keys again. */
    public LocalJwks recover() {
        failureStatus = 0;
        return this;
    }

    /** Requests for the key set, answered or failed. */
    public int fetchCount() {
        return fetches.get();
    }

    /** Requests of any kind, on any path. */
    public int requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            boolean keys = exchange.getRequestURI().getPath().equals(keysPath);
            if (keys) {
                fetches.incrementAndGet();
            }
            int failure = failureStatus;
            if (failure != 0) {
                respond(exchange, failure, "text/html", "<html><body>Server Error</body></html>");
            } else if (keys && exchange.getRequestMethod().equals("GET")) {
                respond(exchange, 200, "application/json", body);
            } else {
                respond(exchange, 404, "text/plain", "not found");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
