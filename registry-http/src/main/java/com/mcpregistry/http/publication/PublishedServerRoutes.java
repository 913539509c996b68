package com.mcpregistry.http.publication;

import com.mcpregistry.checks.port.in.RemoteChecksUseCase;
import com.mcpregistry.domain.checks.RegistrationHealth;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.http.shared.Access;
import com.mcpregistry.http.shared.ProblemDetails;
import com.mcpregistry.http.shared.QueryParameters;
import com.mcpregistry.http.shared.RequestIds;
import com.mcpregistry.http.shared.Routes;
import com.mcpregistry.publication.PublishedServer;
import com.mcpregistry.publication.PublishedServerPage;
import com.mcpregistry.publication.PublishedServerQuery;
import com.mcpregistry.publication.ServerListFilters;
import com.mcpregistry.publication.ServerListToken;
import com.mcpregistry.publication.VersionSelector;
import com.mcpregistry.publication.port.in.ListPublishedServersUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The MCP Registry API (v0.1, and the same under {@code /v0}) that VS Code, GitHub Copilot and other MCP clients
 * read: the list of published servers, the versions of one server, one version (or the latest). Who may read it is
 * the {@link PublicApi} setting: anyone (the default; MCP clients send no credentials), callers with a
 * valid token, or nobody (the routes do not exist). Browsers may read it from any origin; answers carry an entity
 * tag and may be cached briefly; errors are the official {@code {"error": "..."}} bodies. Each server carries how its
 * remotes answered the registry's checks under {@value ServerListJson#HEALTH_META}, asked once per answer.
 */
public final class PublishedServerRoutes {
    /** The API's versions: the current one and its predecessor, which serves the same. */
    public static final List<String> PREFIXES = List.of("/v0.1", "/v0");

    /** How many servers a page holds when the client does not say (the official registry's default). */
    public static final int DEFAULT_LIMIT = 30;

    static final int MAX_AGE_SECONDS = 30;
    /** The official registry's error text when a server or version does not exist. */
    private static final String SERVER_NOT_FOUND = "Server not found";

    private static final String SERVERS = "/servers";
    private static final String VERSIONS = "/servers/{serverName}/versions";
    private static final String VERSION = "/servers/{serverName}/versions/{version}";

    private final ListPublishedServersUseCase servers;
    private final RemoteChecksUseCase checks;
    private final PublicApi mode;
    private final CacheableJson answers;

    public PublishedServerRoutes(ListPublishedServersUseCase servers, RemoteChecksUseCase checks, PublicApi mode) {
        this.servers = servers;
        this.checks = checks;
        this.mode = mode;
        // What anyone may read, any cache may keep; what needs a token, only the caller's own.
        this.answers = new CacheableJson(mode == PublicApi.ANONYMOUS, MAX_AGE_SECONDS);
    }

    public void addTo(RoutesConfig routes) {
        if (mode == PublicApi.OFF) {
            return;
        }
        Access access = mode == PublicApi.ANONYMOUS ? Access.ANYONE : Access.USER;
        for (String prefix : PREFIXES) {
            routes.before(prefix, PublishedServerRoutes::openToEveryOrigin);
            routes.before(prefix + "/*", PublishedServerRoutes::openToEveryOrigin);
            // A client configured with the API's own path as its base URL asks for /v0.1/v0.1/servers: say so.
            // Trailing slashes are ignored: this is also /v0.1/.
            Routes.get(routes, prefix, ctx -> ctx.json(ApiIndex.of(ctx, prefix)), Access.ANYONE);
            routes.options(prefix, PublishedServerRoutes::preflight, Access.ANYONE);
            for (String repeated : PREFIXES) {
                routes.before(prefix + repeated + "/*", ApiIndex::baseUrlMistaken);
            }
            Routes.get(routes, prefix + SERVERS, this::list, access);
            Routes.get(routes, prefix + VERSIONS, this::versions, access);
            Routes.get(routes, prefix + VERSION, this::version, access);
            // Preflight requests carry no credentials, whatever the mode.
            for (String path : List.of(SERVERS, VERSIONS, VERSION)) {
                routes.options(prefix + path, PublishedServerRoutes::preflight, Access.ANYONE);
            }
        }
    }

    /**
     * CORS for every origin, on every answer and preflight: the headers GitHub's documentation for custom MCP
     * registries asks of a registry ("Configure MCP server access for your organization or enterprise": {@code
     * Access-Control-Allow-Origin: *}, {@code Access-Control-Allow-Methods: GET, OPTIONS}, {@code
     * Access-Control-Allow-Headers: Authorization, Content-Type}), plus the request headers this API reads ({@code
     * If-None-Match}, {@code X-Request-Id}; HEAD needs no mention, it is a simple method). The API is read-only and,
     * when it needs a token, the token is sent explicitly in {@code Authorization}, never as a cookie, so no origin
     * gains anything another lacks.
     */
    private static void openToEveryOrigin(Context ctx) {
        ProblemDetails.answerAsRegistryApi(ctx);
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Allow-Methods", "GET, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, If-None-Match, " + RequestIds.HEADER);
        ctx.header("Access-Control-Expose-Headers", "ETag, " + RequestIds.HEADER);
    }

    private static void preflight(Context ctx) {
        ctx.header("Access-Control-Max-Age", "600");
        ctx.status(204);
    }

    private void list(Context ctx) {
        ServerListFilters asked = new ServerListFilters(
                QueryParameters.search(ctx),
                QueryParameters.optional(ctx, "version", VersionSelector::parse),
                QueryParameters.flag(ctx, "include_deleted"),
                updatedSince(ctx));
        PublishedServerQuery query = PublishedServerQuery.of(
                asked,
                QueryParameters.limit(ctx, DEFAULT_LIMIT),
                QueryParameters.optional(ctx, "cursor", ServerListToken::decode));
        PublishedServerPage page = servers.list(query);
        answers.respond(ctx, ServerListJson.of(page, healthOf(page.servers())));
    }

    private void versions(Context ctx) {
        List<PublishedServer> versions =
                found(() -> servers.versions(serverName(ctx), QueryParameters.flag(ctx, "include_deleted")));
        answers.respond(ctx, ServerListJson.of(versions, healthOf(versions)));
    }

    private void version(Context ctx) {
        VersionSelector version;
        try {
            version = VersionSelector.parse(ctx.pathParam("version"));
        } catch (InvalidInput e) {
            throw new NotFound(SERVER_NOT_FOUND);
        }
        PublishedServer published =
                found(() -> servers.version(serverName(ctx), version, QueryParameters.flag(ctx, "include_deleted")));
        answers.respond(
                ctx,
                ServerListJson.ServerResponseJson.of(
                        published,
                        healthOf(List.of(published))
                                .get(published.registration().id())));
    }

    /** How the remotes of each of {@code published} are, asked once for all of them. */
    private Map<RegistrationId, RegistrationHealth> healthOf(List<PublishedServer> published) {
        return checks.health(
                published.stream().map(PublishedServer::registration).toList());
    }

    /** What {@code lookup} finds; a server or version the registry does not publish is the official 404. */
    private static <T> T found(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (NotFound e) {
            throw new NotFound(SERVER_NOT_FOUND);
        }
    }

    /** The path's server name, which clients send URL-encoded ({@code com.contoso%2Fledger}); no such name, no server. */
    private static ServerName serverName(Context ctx) {
        try {
            return new ServerName(ctx.pathParam("serverName"));
        } catch (InvalidInput e) {
            throw new NotFound(SERVER_NOT_FOUND);
        }
    }

    /**
     * {@code updated_since} as RFC 3339. An offset's {@code +} arrives as a space when a client forgot to encode it
     * ({@code +} means space in a query string); no RFC 3339 time holds a space, so it is read back as {@code +}.
     */
    private static Optional<Instant> updatedSince(Context ctx) {
        return QueryParameters.optional(ctx, "updated_since", raw -> {
            try {
                return OffsetDateTime.parse(raw.replace(' ', '+')).toInstant();
            } catch (DateTimeParseException e) {
                throw InvalidInput.of("updated_since", "must be an RFC 3339 time such as 2025-08-07T13:15:04.280Z");
            }
        });
    }
}
