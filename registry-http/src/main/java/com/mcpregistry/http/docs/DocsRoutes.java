package com.mcpregistry.http.docs;

import static com.mcpregistry.http.Access.ANYONE;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /openapi.json}, the API's OpenAPI document, and the pages that render it: Swagger UI at
 * {@code /docs} and ReDoc at {@code /redoc}. Everything is public and served by the registry itself, so the pages
 * work where the internet is out of reach.
 */
public final class DocsRoutes {

    private final OpenApiDocument document;
    private final DocsPage swaggerUi;
    private final DocsPage redoc;

    public DocsRoutes(OpenApiDocument document, DocsPage swaggerUi, DocsPage redoc) {
        this.document = document;
        this.swaggerUi = swaggerUi;
        this.redoc = redoc;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/openapi.json", this::openApi, ANYONE);
        for (DocsPage page : List.of(swaggerUi, redoc)) {
            routes.get(page.path(), page::servePage, ANYONE);
            routes.get(page.assetRoute(), page::serveAsset, ANYONE);
        }
    }

    private void openApi(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("application/json").result(document.json());
    }
}
