package com.mcpregistry.http.api;

import com.mcpregistry.http.publication.PublishedServerRoutes;
import com.mcpregistry.http.shared.AllowedMethods;
import com.mcpregistry.http.shared.RequestIds;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which browser origins may call the seed API (CORS_ORIGINS), and the headers that tell a browser so. A request from
 * an origin not listed is served exactly as one without an {@code Origin}: it only gets no grant, so the browser
 * keeps the answer from the page; a preflight from it is answered without a grant, so the browser sends nothing
 * more. Nothing is refused half-way: a request either runs as a whole or not at all. The MCP Registry API
 * ({@link PublishedServerRoutes}) grants every origin itself and is left alone.
 */
public final class CorsRule {
    /** What a page of an allowed origin may read besides the headers every page may read. */
    static final String EXPOSED_HEADERS = "ETag, Location, Retry-After, " + RequestIds.HEADER;

    private static final String PREFLIGHT_MAX_AGE_SECONDS = "600";

    private final Set<String> origins;
    private final AllowedMethods allowedMethods;

    private CorsRule(List<String> origins, AllowedMethods allowedMethods) {
        this.origins = Set.copyOf(origins);
        this.allowedMethods = allowedMethods;
    }

    /**
     * {@code value} as a browser sends it in {@code Origin}: {@code https://portal.contoso.com}, with the scheme and
     * host in lower case and without the scheme's default port.
     *
     * @throws IllegalArgumentException saying what is wrong, when {@code value} is not an http(s) origin
     */
    public static String origin(String value) {
        String trimmed = value.strip();
        if (trimmed.equals("*") || trimmed.equalsIgnoreCase("null")) {
            throw new IllegalArgumentException(
                    "\"" + trimmed + "\" is not allowed; list each origin, e.g. https://portal.contoso.com");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw notAnOrigin(trimmed);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean hasPath = uri.getRawPath() != null && !uri.getRawPath().isEmpty();
        if (!(scheme.equals("https") || scheme.equals("http"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || hasPath
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw notAnOrigin(trimmed);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") ? port == 443 : port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static IllegalArgumentException notAnOrigin(String value) {
        return new IllegalArgumentException("\"" + value + "\" is not an origin; an origin is http(s)://host[:port]"
                + " with nothing after it, e.g. https://portal.contoso.com");
    }

    /** Adds the rule to every seed API route, when any origin is allowed; without origins, browsers get no grant. */
    static void addTo(RoutesConfig routes, List<String> origins, AllowedMethods allowedMethods) {
        if (!origins.isEmpty()) {
            routes.before(new CorsRule(origins, allowedMethods)::apply);
        }
    }

    private void apply(Context ctx) {
        String path = ctx.path();
        if (isRegistryApi(path)) {
            return;
        }
        // The grant depends on Origin, so a cache must not give one origin's answer to another.
        ctx.res().addHeader("Vary", "Origin");
        String origin = ctx.header("Origin");
        boolean granted = origin != null && origins.contains(origin);
        if (granted) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        if (ctx.method().equals(HandlerType.OPTIONS)) {
            answerOptions(ctx, path, granted);
        }
    }

    /** Every OPTIONS on a seed API path is answered here, a preflight with a grant when its origin is allowed. */
    private void answerOptions(Context ctx, String path, boolean granted) {
        List<String> allowed = allowedMethods.of(path);
        if (allowed.isEmpty()) {
            return;
        }
        ctx.header("Allow", String.join(", ", allowed));
        String requestedHeaders = ctx.header("Access-Control-Request-Headers");
        if (granted && ctx.header("Access-Control-Request-Method") != null) {
            ctx.header("Access-Control-Allow-Methods", String.join(", ", allowed));
            if (requestedHeaders != null) {
                ctx.header("Access-Control-Allow-Headers", requestedHeaders);
            }
            ctx.header("Access-Control-Max-Age", PREFLIGHT_MAX_AGE_SECONDS);
        }
        ctx.status(204);
        ctx.skipRemainingHandlers();
    }

    private static boolean isRegistryApi(String path) {
        for (String prefix : PublishedServerRoutes.PREFIXES) {
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }
}
