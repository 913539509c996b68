package com.mcpregistry.http.docs;

import com.mcpregistry.domain.error.NotFound;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A documentation page (Swagger UI or ReDoc) and the files it loads, all served from the classpath: the page from
 * this module, its scripts and styles from the webjar. A request names a file, never a path: only the files listed
 * here can be served, so nothing else on the classpath can be reached through the asset route.
 */
public final class DocsPage {
    private static final String OWN_RESOURCES = "com/mcpregistry/http/docs/";
    private static final String WEBJAR_VERSIONS = OWN_RESOURCES + "webjars.properties";
    private static final String ASSET_CACHE_CONTROL = "public, max-age=3600";
    /**
     * The pages fetch only from this server. ReDoc's sidebar shows its maker's logo from a CDN; blocking images from
     * elsewhere keeps the browser from calling out (the logo hides itself when it cannot load).
     */
    static final String CONTENT_SECURITY_POLICY = "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    private final String path;
    private final byte[] html;
    private final ClassLoader classLoader;
    private final Map<String, Asset> assets;

    /** One file a page loads: where it is on the classpath and how it is labelled. */
    private record Asset(String resource, String contentType) {}

    private DocsPage(String path, byte[] html, ClassLoader classLoader, Map<String, Asset> assets) {
        this.path = path;
        this.html = html;
        this.classLoader = classLoader;
        this.assets = Map.copyOf(assets);
    }

    /** Swagger UI at {@code /docs}, with its files under {@code /docs/assets/}. */
    public static DocsPage swaggerUi() {
        ClassLoader classLoader = DocsPage.class.getClassLoader();
        String webjar = webjarRoot(classLoader, "swagger-ui");
        Map<String, Asset> assets = new LinkedHashMap<>();
        for (String file : List.of(
                "swagger-ui-bundle.js", "swagger-ui.css", "index.css", "favicon-32x32.png", "favicon-16x16.png")) {
            assets.put(file, asset(webjar + file));
        }
        assets.put("swagger-ui-init.js", asset(OWN_RESOURCES + "swagger-ui-init.js"));
        return of("/docs", OWN_RESOURCES + "swagger-ui.html", classLoader, assets);
    }

    /** ReDoc at {@code /redoc}, with its script under {@code /redoc/assets/}. */
    public static DocsPage redoc() {
        ClassLoader classLoader = DocsPage.class.getClassLoader();
        String webjar = webjarRoot(classLoader, "redoc");
        Map<String, Asset> assets = new LinkedHashMap<>();
        for (String file : List.of("redoc.standalone.js", "redoc.standalone.js.map")) {
            assets.put(file, asset(webjar + file));
        }
        return of("/redoc", OWN_RESOURCES + "redoc.html", classLoader, assets);
    }

    private static DocsPage of(String path, String htmlResource, ClassLoader classLoader, Map<String, Asset> assets) {
        assets.values().forEach(asset -> {
            if (classLoader.getResource(asset.resource()) == null) {
                throw new IllegalStateException(
                        "the docs page " + path + " needs " + asset.resource() + ", which is not on the classpath");
            }
        });
        return new DocsPage(path, OpenApiDocument.read(classLoader, htmlResource), classLoader, assets);
    }

    /** The page's own path, e.g. {@code /docs}. */
    public String path() {
        return path;
    }

    /** The route of the page's files: {@code <path>/assets/{file}}. */
    public String assetRoute() {
        return path + "/assets/{file}";
    }

    void servePage(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    void serveAsset(Context ctx) {
        String file = ctx.pathParam("file");
        Asset asset = assets.get(file);
        if (asset == null) {
            throw new NotFound("no file " + file + " belongs to the page " + path);
        }
        InputStream in = classLoader.getResourceAsStream(asset.resource());
        if (in == null) {
            throw new IllegalStateException(asset.resource() + " left the classpath");
        }
        ctx.header("Cache-Control", ASSET_CACHE_CONTROL);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(asset.contentType()).result(in);
    }

    private static Asset asset(String resource) {
        return new Asset(resource, contentType(resource));
    }

    private static String contentType(String resource) {
        String name = resource.toLowerCase(Locale.ROOT);
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        } else if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        } else if (name.endsWith(".png")) {
            return "image/png";
        } else if (name.endsWith(".map")) {
            return "application/json";
        }
        throw new IllegalArgumentException("no content type known for " + resource);
    }

    /** The folder of the webjar's files, for the version the build put on the classpath. */
    private static String webjarRoot(ClassLoader classLoader, String webjar) {
        Properties versions = new Properties();
        try (InputStream in = classLoader.getResourceAsStream(WEBJAR_VERSIONS)) {
            if (in == null) {
                throw new IllegalStateException(WEBJAR_VERSIONS + " is not on the classpath");
            }
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WEBJAR_VERSIONS, e);
        }
        String version = versions.getProperty(webjar + ".version");
        if (version == null || version.isBlank() || version.startsWith("${")) {
            throw new IllegalStateException(WEBJAR_VERSIONS + " names no version of the " + webjar + " webjar");
        }
        return "META-INF/resources/webjars/" + webjar + "/" + version + "/";
    }
}
