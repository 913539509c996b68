package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mcpregistry.domain.audit.AuditKeys;
import com.mcpregistry.domain.checks.DriftAction;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.domain.serverjson.PublishRules;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.entra.DevelopmentServicePrincipal;
import com.mcpregistry.entra.DevelopmentTokenIssuer;
import com.mcpregistry.entra.EntraAccessTokenVerifier;
import com.mcpregistry.entra.EntraSettings;
import com.mcpregistry.entra.testing.LocalJwks;
import com.mcpregistry.entra.testing.TestTokens;
import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.api.RegistryApi;
import com.mcpregistry.http.docs.OpenApiSchemas;
import com.mcpregistry.http.limits.TrustedProxies;
import com.mcpregistry.http.testing.ApiClient;
import com.mcpregistry.limits.LimitSettings;
import com.mcpregistry.postgres.PoolSettings;
import com.mcpregistry.postgres.TestDatabase;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The whole registry as production runs it, on loopback, for one test class: a migrated PostgreSQL database of its
 * own ({@link TestDatabase}), a local JWKS ({@link LocalJwks}) that the real {@link EntraAccessTokenVerifier}
 * fetches its keys from, and {@link RegistryServer#start} on port 0. Tokens are real RS256 tokens with Entra v2
 * claims.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RunningRegistry registry = RunningRegistry.standard();
 * }</pre>
 *
 * Requests go through the {@link ApiClient} shared with registry-http's tests. Every answer to a request made through
 * {@link #send} is checked: never a 500, every error is problem+json, and
 * when the OpenAPI document this registry serves describes the route, the answer is what the document says (status,
 * media type, body, headers).
 */
final class RunningRegistry implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    /** One signing key for every test class: generating RSA keys is slow. */
    static final RSAKey SIGNING_KEY = TestTokens.newKey(TestTokens.DEFAULT_KID);

    static final ObjectMapper JSON = new ObjectMapper();
    /** The API's own document, without the routes the application adds in some modes. */
    static final OpenApiSchemas SCHEMAS = OpenApiSchemas.fromClasspath();

    static final String ADMIN_NAME = "Registry Admin";

    static {
        // As the commands do: Liquibase and others log through java.util.logging, into logback-test.xml's levels.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    private final RegistryApi.Extension extraRoutes;
    private final boolean jwksDown;
    private final DevelopmentTokenIssuer developmentIssuer;
    private PoolSettings externalDatabase;
    private boolean asRuntimeRole;
    private AuditProtection auditProtection = new AuditProtection(
            AuditKeys.of(TestDatabase.AUDIT_KEY), Duration.ZERO, Optional.empty(), AuditProtection.PrivilegeCheck.WARN);
    private UnaryOperator<EntraSettings.Builder> identity = UnaryOperator.identity();
    private Duration signInMemory = ServeSettings.DEFAULT_SIGN_IN_MEMORY;
    private boolean metricsRoute = true;
    private ApiSettings api = new ApiSettings(List.of());
    /** Off, as tests run the registry, unless a test is about limits. */
    private LimitSettings limits = LimitSettings.off();

    private Duration searchTimeout = ServeSettings.DEFAULT_SEARCH_TIMEOUT;
    private NamespacePolicy namespacePolicy = NamespacePolicy.OPEN;
    private PublishRules publishRules;
    /**
     * Checks run when asked for, none from the schedule (PROBE_WORKERS=0), unless a test is about checks: the other
     * tests' remotes are made-up names.
     */
    private CheckSettings checks = new CheckSettings(0, CheckSettings.DEFAULT_INTERVAL, List.of(), DriftAction.FLAG);

    private final Map<String, String> tokenCache = new ConcurrentHashMap<>();
    private final ApiClient http =
            new ApiClient(() -> this.server.port(), response -> assertWellFormed(this.document, response));

    private TestDatabase database;
    private LocalJwks jwks;
    private TestTokens tokens;
    private RegistryServer server;
    private OpenApiSchemas document;

    private RunningRegistry(
            RegistryApi.Extension extraRoutes, boolean jwksDown, DevelopmentTokenIssuer developmentIssuer) {
        this.extraRoutes = extraRoutes;
        this.jwksDown = jwksDown;
        this.developmentIssuer = developmentIssuer;
    }

    /** The registry as {@code serve} runs it. */
    static RunningRegistry standard() {
        return new RunningRegistry(config -> {}, false, null);
    }

    /** With routes of the test's own (each must declare an {@code Access}), as {@code start-dev} adds its own. */
    static RunningRegistry withExtraRoutes(Consumer<JavalinConfig> extraRoutes) {
        return new RunningRegistry(extraRoutes::accept, false, null);
    }

    /** With the identity provider's JWKS answering 503 from the start: the verifier never gets a key. */
    static RunningRegistry withJwksDown() {
        return new RunningRegistry(config -> {}, true, null);
    }

    /** With the verifier's settings changed, e.g. {@code settings -> settings.requiredScope("…")}. */
    static RunningRegistry withIdentity(UnaryOperator<EntraSettings.Builder> identity) {
        RunningRegistry registry = standard();
        registry.identity = identity;
        return registry;
    }

    /** On a PostgreSQL of the test's own (e.g. one it stops), with {@code serve}'s wiring. */
    static RunningRegistry on(PoolSettings database) {
        RunningRegistry registry = standard();
        registry.externalDatabase = database;
        return registry;
    }

    /**
     * Wired as {@code start-dev} wires it: the development token issuer's key in the verifier and
     * {@code POST /dev/token}. The JWKS tokens of {@link #userToken} are not accepted by it.
     */
    static RunningRegistry development() {
        DevelopmentTokenIssuer issuer = DevelopmentTokenIssuer.ephemeral(Clock.systemUTC());
        return new RunningRegistry(new DevelopmentTokenRoutes(issuer), false, issuer);
    }

    /**
     * As the README's two-role set-up runs it: the registry connects as a login role granted {@code registry_runtime},
     * migrates as the schema's owner, and refuses to start if its role could get round the audit trail's guard.
     */
    static RunningRegistry asRuntimeRole() {
        RunningRegistry registry = standard();
        registry.asRuntimeRole = true;
        registry.auditProtection = new AuditProtection(
                registry.auditProtection.auditKeys(),
                Duration.ZERO,
                Optional.empty(),
                AuditProtection.PrivilegeCheck.REFUSE);
        return registry;
    }

    /** Logging a signed audit checkpoint every {@code interval}, as {@code serve} does every AUDIT_CHECKPOINT_INTERVAL. */
    RunningRegistry checkpointingEvery(Duration interval) {
        this.auditProtection = new AuditProtection(
                auditProtection.auditKeys(),
                interval,
                auditProtection.migrationDatabase(),
                auditProtection.privilegeCheck());
        return this;
    }

    /** Without {@code GET /metrics}, as {@code serve} runs with {@code REGISTRY_METRICS=off}. */
    RunningRegistry withoutMetrics() {
        this.metricsRoute = false;
        return this;
    }

    /** With these API settings (CORS origins, request body limits…) instead of {@code serve}'s defaults. */
    RunningRegistry with(ApiSettings api) {
        this.api = api;
        return this;
    }

    /** Remembering signed-in users for {@code memory} instead of {@code serve}'s default. */
    RunningRegistry rememberingSignInsFor(Duration memory) {
        this.signInMemory = memory;
        return this;
    }

    /** With these rate limits and quotas instead of none. */
    RunningRegistry withLimits(LimitSettings limits) {
        this.limits = limits;
        return this;
    }

    /** Believing the {@code X-Forwarded-For} of these proxies. */
    RunningRegistry trustingProxies(TrustedProxies proxies) {
        this.api = api.withTrustedProxies(proxies);
        return this;
    }

    /** Serves with {@code policy} for new names that no claim covers (NAMESPACE_POLICY). */
    RunningRegistry withNamespacePolicy(NamespacePolicy policy) {
        this.namespacePolicy = policy;
        return this;
    }

    /**
     * Holds server.json documents to {@code rules} (PACKAGE_REGISTRIES, ALLOW_HTTP_REMOTES) instead of {@code serve}'s
     * default, {@link PublishRules#STRICT} ({@code start-dev}'s, {@link PublishRules#DEVELOPMENT}, when wired as it).
     */
    RunningRegistry withPublishRules(PublishRules rules) {
        this.publishRules = rules;
        return this;
    }

    /** Checking remote servers as {@code checks} says (workers, interval, allowed networks, drift action). */
    RunningRegistry checking(CheckSettings checks) {
        this.checks = checks;
        return this;
    }

    /** Cancelling searches after {@code timeout} instead of {@code serve}'s default. */
    RunningRegistry withSearchTimeout(Duration timeout) {
        this.searchTimeout = timeout;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    RunningRegistry start() {
        PoolSettings pool;
        if (externalDatabase == null) {
            database = TestDatabase.migrated();
            pool = database.poolSettings();
        } else {
            pool = externalDatabase;
        }
        if (asRuntimeRole) {
            auditProtection = new AuditProtection(
                    auditProtection.auditKeys(),
                    auditProtection.checkpointInterval(),
                    Optional.of(pool),
                    auditProtection.privilegeCheck());
            pool = database.runtimeRolePoolSettings();
        }
        String tenant = UUID.randomUUID().toString();
        jwks = LocalJwks.start(tenant).publish(SIGNING_KEY);
        if (jwksDown) {
            jwks.failWith(503);
        }
        tokens = new TestTokens(jwks.authority(), tenant, UUID.randomUUID().toString(), SIGNING_KEY, Clock.systemUTC());
        server = RegistryServer.start(options(pool, extraRoutes));
        document = servedDocument();
        return this;
    }

    /** What {@code serve} passes, with this registry's tenant, on loopback port 0. */
    RegistryServer.Options options(PoolSettings pool, RegistryApi.Extension routes) {
        return options(pool, routes, auditProtection);
    }

    /** {@link #options(PoolSettings, RegistryApi.Extension)} with the audit trail protected as {@code protection} says. */
    RegistryServer.Options options(PoolSettings pool, RegistryApi.Extension routes, AuditProtection protection) {
        return new RegistryServer.Options(
                pool,
                developmentIssuer == null
                        ? EntraAccessTokenVerifier.forTenant(
                                identity.apply(tokens.settingsBuilder()).build())
                        : EntraAccessTokenVerifier.withKeys(
                                developmentIssuer.verifierSettings(), developmentIssuer.keySource()),
                api,
                "127.0.0.1",
                0,
                metricsRoute,
                routes,
                signInMemory,
                Clock.systemUTC(),
                limits,
                searchTimeout,
                protection,
                namespacePolicy,
                publishRules != null
                        ? publishRules
                        : developmentIssuer == null ? PublishRules.STRICT : PublishRules.DEVELOPMENT,
                checks);
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (jwks != null) {
                jwks.close();
            }
            if (database != null) {
                database.close();
            }
        }
    }

    TestDatabase database() {
        return database;
    }

    TestTokens tokens() {
        return tokens;
    }

    LocalJwks jwks() {
        return jwks;
    }

    RegistryServer server() {
        return server;
    }

    // ---- Tokens ----

    /** A token of an ordinary user; the same name is the same person (object id derived from it). */
    String userToken(String name) {
        return tokenCache.computeIfAbsent(
                "user:" + name, key -> tokens.sign(claimsOf(name).build()));
    }

    /** A token carrying the {@code Registry.Admin} app role. */
    String adminToken() {
        return tokenCache.computeIfAbsent(
                "admin",
                key -> tokens.sign(claimsOf(ADMIN_NAME)
                        .claim("roles", List.of("Registry.Admin"))
                        .build()));
    }

    /**
     * An app-only token of the service principal {@code name} (a CI pipeline's), carrying the publish app role as
     * Entra ID issues it to a pipeline with client credentials or workload identity federation; the same name is the
     * same service principal. In a registry wired as {@code start-dev}, the development issuer's token.
     */
    String servicePrincipalToken(String name) {
        return tokenCache.computeIfAbsent(
                "service-principal:" + name,
                key -> developmentIssuer != null
                        ? developmentIssuer
                                .issue(DevelopmentServicePrincipal.named(name, false))
                                .accessToken()
                        : tokens.sign(tokens.appClaimsOf(objectIdOf("service-principal:" + name), "Registry.Publish")
                                .claim("idtyp", "app")
                                .claim("app_displayname", name)
                                .build()));
    }

    /** The claims of a valid delegated token for {@code name}, to change one thing in. */
    JWTClaimsSet.Builder claimsOf(String name) {
        // As from a tenant that issues the optional claims email and xms_edov: the e-mail is verified.
        return tokens.userClaims(objectIdOf(name))
                .claim("name", name)
                .claim("preferred_username", emailOf(name))
                .claim("email", emailOf(name))
                .claim("xms_edov", true);
    }

    static String objectIdOf(String name) {
        return UUID.nameUUIDFromBytes(("e2e:" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static String emailOf(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", ".") + "@contoso.example";
    }

    /** The user record of {@code name}, created by signing in (as any request of theirs does). */
    String userId(String name) {
        HttpResponse<String> me = get("/users/me", userToken(name));
        assertThat(me.statusCode()).isEqualTo(200);
        return json(me).path("user_id").asText();
    }

    /**
     * Sets the break-glass {@code is_admin} flag of a user who has signed in, the way {@code admin grant} does
     * (same use case, same wiring), against this registry's database.
     */
    User grantAdminFlag(String emailOrObjectId) {
        return AdminCommand.users(database.adapters()).grant(emailOrObjectId);
    }

    User revokeAdminFlag(String emailOrObjectId) {
        return AdminCommand.users(database.adapters()).revoke(emailOrObjectId);
    }

    // ---- HTTP ----

    URI uri(String pathAndQuery) {
        return http.uri(pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery, String token, String... headers) {
        return http.request(pathAndQuery, token, headers);
    }

    HttpResponse<String> get(String pathAndQuery, String token, String... headers) {
        return http.get(pathAndQuery, token, headers);
    }

    HttpResponse<String> post(String pathAndQuery, String token, Object body, String... headers) {
        return http.post(pathAndQuery, token, body, headers);
    }

    HttpResponse<String> patch(String pathAndQuery, String token, Object body, String... headers) {
        return http.patch(pathAndQuery, token, body, headers);
    }

    /** A status change as a reviewer makes it: read first, then {@code If-Match} the version read. */
    HttpResponse<String> review(String registrationPath, String token, Object body) {
        return http.review(registrationPath, token, body);
    }

    HttpResponse<String> delete(String pathAndQuery, String token, String... headers) {
        return http.delete(pathAndQuery, token, headers);
    }

    /** A body as JSON: a {@code String} is sent as it is, anything else is serialised. */
    static HttpRequest.Builder withJson(HttpRequest.Builder builder, String method, Object body) {
        return ApiClient.withJson(builder, method, body);
    }

    /** The OpenAPI document this registry serves at {@code /openapi.json}, read now. */
    OpenApiSchemas servedDocument() {
        HttpResponse<String> served =
                sendUnchecked(request("/openapi.json", null).GET().build());
        assertThat(served.statusCode()).isEqualTo(200);
        return OpenApiSchemas.of(served.body());
    }

    /** The document {@link #send} checks answers against: the one this registry served when it started. */
    OpenApiSchemas document() {
        return document;
    }

    /** Sends the request and checks the answer (see the class comment). */
    HttpResponse<String> send(HttpRequest.Builder request) {
        return http.send(request);
    }

    HttpResponse<String> sendUnchecked(HttpRequest request) {
        return http.sendUnchecked(request);
    }

    HttpClient client() {
        return http.client();
    }

    /** {@link #assertWellFormed(OpenApiSchemas, HttpResponse)} against the API's own document. */
    static void assertWellFormed(HttpResponse<String> response) {
        assertWellFormed(SCHEMAS, response);
    }

    /**
     * What every answer must be: not a 500, an error as problem+json (with the HTTP status in its body), and — on a
     * route {@code document} describes — what the document says.
     */
    static void assertWellFormed(OpenApiSchemas document, HttpResponse<String> response) {
        String what = response.request().method() + " " + response.request().uri() + " answered "
                + response.statusCode() + ": " + response.body();
        assertThat(response.statusCode()).as(what).isNotEqualTo(500).isLessThan(600);
        String path = response.request().uri().getRawPath();
        Optional<OpenApiSchemas.Operation> operation =
                document.operationFor(response.request().method(), path);
        if (response.statusCode() >= 400
                && !response.request().method().equals("HEAD")
                && !documentedAsOtherThanProblem(document, operation, response.statusCode())) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(what)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(response).path("status").asInt()).as(what).isEqualTo(response.statusCode());
        }
        if (operation.isPresent()) {
            document.assertResponse(response);
        }
    }

    /** Whether the document describes this error answer as something else than a problem (the health checks' 503). */
    private static boolean documentedAsOtherThanProblem(
            OpenApiSchemas document, Optional<OpenApiSchemas.Operation> operation, int status) {
        if (operation.isEmpty()) {
            return false;
        }
        JsonNode answer = operation.get().node().path("responses").path(Integer.toString(status));
        String ref = answer.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            answer = document.document().at(ref.substring(1));
        }
        JsonNode content = answer.path("content");
        return !content.isMissingNode() && !content.has("application/problem+json");
    }

    static JsonNode json(HttpResponse<String> response) {
        return ApiClient.json(response);
    }

    static String write(Object value) {
        return ApiClient.write(value);
    }
}
