package com.mcpregistry.http.api;

import com.mcpregistry.core.RegistryCore;
import com.mcpregistry.identity.port.out.AccessTokenVerifier;
import com.mcpregistry.identity.port.out.TokenVerification;
import com.mcpregistry.inmemory.InMemoryDatabase;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The real {@link RegistryApi} on a loopback port, backed by the in-memory adapters, and an HTTP client to call it.
 * By default every token is refused: tests built on this exercise public routes only (authenticated behaviour is
 * proved end to end in registry-app, with real signed tokens). {@link #start(ApiSettings,
 * AccessTokenVerifier)} takes a verifier of the test's own, e.g. {@link StubTokens}.
 */
public final class StartedApi implements AutoCloseable {
    private final Javalin app;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StartedApi(Javalin app) {
        this.app = app;
    }

    public static StartedApi start() {
        return start(config -> {});
    }

    /** Started with {@code extension} applied, as the app applies its own routes and settings. */
    public static StartedApi start(RegistryApi.Extension extension) {
        return start(
                new ApiSettings(List.of()),
                token -> new TokenVerification.Invalid("these tests sign no tokens"),
                extension);
    }

    /** Started with these settings, accepting the tokens {@code verifier} accepts. */
    public static StartedApi start(ApiSettings settings, AccessTokenVerifier verifier) {
        return start(settings, verifier, config -> {});
    }

    private static StartedApi start(
            ApiSettings settings, AccessTokenVerifier verifier, RegistryApi.Extension extension) {
        Clock clock = Clock.systemUTC();
        var db = new InMemoryDatabase();
        Javalin app = RegistryApi.create(settings, RegistryCore.create(db.coreAdapters(), verifier, clock), extension);
        app.start("127.0.0.1", 0);
        return new StartedApi(app);
    }

    public Javalin app() {
        return app;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + app.port() + pathAndQuery);
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String pathAndQuery) {
        try {
            return client.send(
                    HttpRequest.newBuilder(uri(pathAndQuery))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
