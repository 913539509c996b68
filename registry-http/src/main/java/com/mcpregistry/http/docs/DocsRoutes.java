package com.mcpregistry.http.docs;

import static com.mcpregistry.http.shared.Access.ANYONE;

import com.mcpregistry.http.shared.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /openapi.json}, the API's OpenAPI document, and the pages that render it: Swagger UI at
 * {@code /docs} and ReDoc at {@code /redoc}. Everything is public and served by the registry itself, so the pages
 * work where the internet is out of reach. {@code GET /} sends a browser to Swagger UI and answers any other
 * client with links to where things are. The document is put together on its first request, not at start-up.
 */
public final class DocsRoutes {
    private final Supplier<OpenApiDocument> source;
    private volatile OpenApiDocument document;
    private final DocsPage swaggerUi;
    private final DocsPage redoc;
    private final Index index;

    /** The JSON answer of {@code GET /}: what this is and where to go. */
    public record Index(String name, String description, Map<String, String> links) {
        public Index {
            links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
        }
    }

    /**
     * @param source the OpenAPI document, asked for once, on the first request for it
     * @param mcpRegistryApi whether the MCP Registry API is served (it is not when {@code REGISTRY_PUBLIC_API} is
     *     {@code off}), so that the index links to it only then
     */
    public DocsRoutes(Supplier<OpenApiDocument> source, DocsPage swaggerUi, DocsPage redoc, boolean mcpRegistryApi) {
        this.source = source;
        this.swaggerUi = swaggerUi;
        this.redoc = redoc;
        Map<String, String> links = new LinkedHashMap<>();
        links.put("docs", swaggerUi.path());
        links.put("redoc", redoc.path());
        links.put("openapi", "/openapi.json");
        links.put("registrations", "/registrations");
        if (mcpRegistryApi) {
            links.put("mcp_registry_api", "/v0.1/servers");
        }
        links.put("health", "/health");
        this.index = new Index(
                "MCP Registry",
                "An enterprise registry of MCP servers. The API is described at /openapi.json and browsable at /docs.",
                links);
    }

    public void addTo(RoutesConfig routes) {
        Routes.get(routes, "/", this::home, ANYONE);
        Routes.get(routes, "/openapi.json", this::openApi, ANYONE);
        for (DocsPage page : List.of(swaggerUi, redoc)) {
            Routes.get(routes, page.path(), page::servePage, ANYONE);
            Routes.get(routes, page.assetRoute(), page::serveAsset, ANYONE);
        }
    }

    private void home(Context ctx) {
        ctx.header("Vary", "Accept");
        if (prefersHtml(ctx.header("Accept"))) {
            ctx.header("Location", swaggerUi.path()).status(303);
        } else {
            ctx.json(index);
        }
    }

    private void openApi(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("application/json").result(document().json());
    }

    private OpenApiDocument document() {
        OpenApiDocument known = document;
        if (known == null) {
            synchronized (this) {
                if (document == null) {
                    document = source.get();
                }
                known = document;
            }
        }
        return known;
    }

    /**
     * Whether an {@code Accept} header ranks HTML above JSON, as a browser's does ({@code text/html,…,*}{@code /*;q=0.8}).
     * Each type takes the quality of the most specific range that matches it; a tie, {@code *}{@code /*} and no header
     * at all mean JSON, the API's own language.
     */
    static boolean prefersHtml(String accept) {
        if (accept == null) {
            return false;
        }
        Quality html = new Quality();
        Quality json = new Quality();
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = 1.0;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                    try {
                        q = Double.parseDouble(parameter.substring(2).trim());
                    } catch (NumberFormatException e) {
                        q = 0; // a range with a quality nobody can read counts for nothing
                    }
                }
            }
            html.offer(type, "text/html", q);
            json.offer(type, "application/json", q);
        }
        return html.value > 0 && html.value > json.value;
    }

    /** The quality of one media type: the one of the most specific matching range seen so far. */
    private static final class Quality {
        private int specificity = -1;
        private double value = 0;

        void offer(String range, String mediaType, double q) {
            int matched = range.equals(mediaType)
                    ? 2
                    : range.equals(mediaType.substring(0, mediaType.indexOf('/')) + "/*")
                            ? 1
                            : range.equals("*/*") ? 0 : -1;
            if (matched > specificity) {
                specificity = matched;
                value = q;
            }
        }
    }
}
