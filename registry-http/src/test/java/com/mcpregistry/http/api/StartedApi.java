package com.mcpregistry.http.api;

import com.mcpregistry.core.RegistryCore;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.domain.serverjson.PublishRules;
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
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real {@link RegistryApi} on a loopback port, backed by the in-memory adapters, and an {@link ApiClient} to call
 * it.
 * By default every token is refused: tests built on this exercise public routes only (authenticated behaviour is
 * proved end to end in registry-app, with real signed tokens). {@link #start(ApiSettings,
 * AccessTokenVerifier)} takes a verifier of the test's own, e.g. {@link StubTokens}.
 */
public final class StartedApi implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    private final Supplier<Javalin> starter;
    private final ApiClient client = new ApiClient(() -> this.app.port());
    private Javalin app;

    private StartedApi(Supplier<Javalin> starter) {
        this.starter = starter;
    }

    public static StartedApi start() {
        return start(config -> {});
    }

    /** Started with {@code extension} applied, as the app applies its own routes and settings. */
    public static StartedApi start(RegistryApi.Extension extension) {
        return notStarted(new ApiSettings(List.of()), REFUSE_EVERY_TOKEN, extension)
                .startNow();
    }

    /** Started with these settings, accepting the tokens {@code verifier} accepts. */
    public static StartedApi start(ApiSettings settings, AccessTokenVerifier verifier) {
        return notStarted(settings, verifier, config -> {}).startNow();
    }

    /** {@link #start(ApiSettings, AccessTokenVerifier)} under {@code policy} (NAMESPACE_POLICY) for new names. */
    public static StartedApi start(ApiSettings settings, AccessTokenVerifier verifier, NamespacePolicy policy) {
        return notStarted(settings, verifier, config -> {}, policy, RegistryCore.Checks.off())
                .startNow();
    }

    /** {@link #start(ApiSettings, AccessTokenVerifier)}, checking remotes as {@code checks} says. */
    public static StartedApi start(ApiSettings settings, AccessTokenVerifier verifier, RegistryCore.Checks checks) {
        return notStarted(settings, verifier, config -> {}, NamespacePolicy.OPEN, checks)
                .startNow();
    }

    /**
     * Started before a test class's tests and stopped after them: {@code @RegisterExtension static final StartedApi
     * api = StartedApi.perTestClass();}.
     */
    public static StartedApi perTestClass() {
        return notStarted(new ApiSettings(List.of()), REFUSE_EVERY_TOKEN, config -> {});
    }

    /** {@link #perTestClass()} with these settings, accepting the tokens {@code verifier} accepts. */
    public static StartedApi perTestClass(ApiSettings settings, AccessTokenVerifier verifier) {
        return notStarted(settings, verifier, config -> {});
    }

    /** {@link #perTestClass(ApiSettings, AccessTokenVerifier)}, checking remotes as {@code checks} says. */
    public static StartedApi perTestClass(
            ApiSettings settings, AccessTokenVerifier verifier, RegistryCore.Checks checks) {
        return notStarted(settings, verifier, config -> {}, NamespacePolicy.OPEN, checks);
    }

    private static final AccessTokenVerifier REFUSE_EVERY_TOKEN =
            token -> new TokenVerification.Invalid("these tests sign no tokens");

    private static StartedApi notStarted(
            ApiSettings settings, AccessTokenVerifier verifier, RegistryApi.Extension extension) {
        return notStarted(settings, verifier, extension, NamespacePolicy.OPEN, RegistryCore.Checks.off());
    }

    private static StartedApi notStarted(
            ApiSettings settings,
            AccessTokenVerifier verifier,
            RegistryApi.Extension extension,
            NamespacePolicy policy,
            RegistryCore.Checks checks) {
        return new StartedApi(() -> {
            Clock clock = Clock.systemUTC();
            var db = new InMemoryDatabase();
            RegistryCore core = RegistryCore.create(
                    db.coreAdapters(),
                    verifier,
                    UnaryOperator.identity(),
                    clock,
                    RegistryCore.Limits.off(),
                    policy,
                    PublishRules.STRICT,
                    checks);
            Javalin app = RegistryApi.create(settings, core, extension);
            app.start("127.0.0.1", 0);
            return app;
        });
    }

    private StartedApi startNow() {
        app = starter.get();
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startNow();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
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
        if (app != null) {
            app.stop();
        }
    }
}
