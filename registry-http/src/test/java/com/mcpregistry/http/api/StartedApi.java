package com.mcpregistry.http.api;

import com.mcpregistry.core.RegistryCore;
import com.mcpregistry.http.testing.ApiClient;
import com.mcpregistry.identity.port.out.AccessTokenVerifier;
import com.mcpregistry.identity.port.out.TokenVerification;
import com.mcpregistry.inmemory.InMemoryDatabase;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;

/**
 * The real {@link RegistryApi} on a loopback port, backed by the in-memory adapters, and an {@link ApiClient} to call
 * it.
 * By default every token is refused: tests built on this exercise public routes only (authenticated behaviour is
 * proved end to end in registry-app, with real signed tokens). {@link #start(RegistryApi.Settings,
 * AccessTokenVerifier)} takes a verifier of the test's own, e.g. {@link StubTokens}.
 */
public final class StartedApi implements AutoCloseable {
    private final Javalin app;
    private final ApiClient client;

    private StartedApi(Javalin app) {
        this.app = app;
        this.client = new ApiClient(app::port);
    }

    public static StartedApi start() {
        return start(config -> {});
    }

    /** Started with {@code extension} applied, as the app applies its own routes and settings. */
    public static StartedApi start(RegistryApi.Extension extension) {
        return start(
                new RegistryApi.Settings(List.of()),
                token -> new TokenVerification.Invalid("these tests sign no tokens"),
                extension);
    }

    /** Started with these settings, accepting the tokens {@code verifier} accepts. */
    public static StartedApi start(RegistryApi.Settings settings, AccessTokenVerifier verifier) {
        return start(settings, verifier, config -> {});
    }

    private static StartedApi start(
            RegistryApi.Settings settings, AccessTokenVerifier verifier, RegistryApi.Extension extension) {
        Clock clock = Clock.systemUTC();
        var db = new InMemoryDatabase();
        Javalin app = RegistryApi.create(settings, RegistryCore.create(db.coreAdapters(), verifier, clock), extension);
        app.start("127.0.0.1", 0);
        return new StartedApi(app);
    }

    public Javalin app() {
        return app;
    }

    /** The client these tests call the API with; it checks no answer. */
    public ApiClient client() {
        return client;
    }

    public URI uri(String pathAndQuery) {
        return client.uri(pathAndQuery);
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return client.get(pathAndQuery, null);
    }

    public HttpResponse<byte[]> getBytes(String pathAndQuery) {
        return client.getBytes(pathAndQuery);
    }

    public HttpResponse<String> send(HttpRequest request) {
        return client.sendUnchecked(request);
    }

    @Override
    public void close() {
        app.stop();
    }
}
