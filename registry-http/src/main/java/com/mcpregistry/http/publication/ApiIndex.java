package com.mcpregistry.http.publication;

import com.mcpregistry.domain.error.NotFound;
import io.javalin.http.Context;
import java.util.List;

/**
 * What {@code GET /v0.1} answers: which base URL to give MCP clients, and the API's endpoints under it. Clients
 * append {@code /v0.1/servers…} to the base URL themselves (VS Code: {@code mcpGalleryManifestService.ts} builds
 * {@code ${url}/${version}/servers} after dropping one trailing slash), so a base URL that already ends in
 * {@code /v0.1} makes them ask for {@code /v0.1/v0.1/servers}, which is answered with a 404 that names the right one.
 */
record ApiIndex(String registry, String baseUrl, String hint, List<String> endpoints, String docs) {

    private static final String HINT = "Give MCP clients the base URL (VS Code's chat.mcp.gallery.serviceUrl, the MCP"
            + " registry URL of GitHub's Copilot policies): without /v0.1 and without a trailing slash; clients add"
            + " /v0.1/servers themselves.";

    static ApiIndex of(Context ctx, String prefix) {
        String baseUrl = baseUrl(ctx);
        return new ApiIndex(
                "MCP Registry API " + prefix.substring(1),
                baseUrl,
                HINT,
                List.of(
                        "GET " + prefix + "/servers",
                        "GET " + prefix + "/servers/{serverName}/versions",
                        "GET " + prefix + "/servers/{serverName}/versions/{version}",
                        "GET " + prefix + "/servers/{serverName}/versions/latest"),
                baseUrl + "/docs");
    }

    /** A 404 for {@code /v0.1/v0.1/…}: the base URL the client was given ends in the API's path. */
    static void baseUrlMistaken(Context ctx) {
        throw new NotFound("Not found: the registry's base URL is " + baseUrl(ctx)
                + " (without /v0.1); clients add /v0.1/servers themselves");
    }

    /** The scheme, host and port the request reached. */
    private static String baseUrl(Context ctx) {
        String url = ctx.url();
        return url.substring(0, url.length() - ctx.path().length());
    }
}
