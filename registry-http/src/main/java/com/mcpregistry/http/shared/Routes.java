package com.mcpregistry.http.shared;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

/** Route declarations that keep a GET route and its HEAD together. */
public final class Routes {
    private Routes() {}

    /**
     * A GET route and its HEAD, both with {@code access}. Javalin would answer HEAD with the GET handler on its own,
     * but the authentication step would then see no declared access for it; declaring HEAD gives it the GET's.
     */
    public static void get(RoutesConfig routes, String path, Handler handler, Access access) {
        routes.get(path, handler, access);
        routes.head(path, handler, access);
    }
}
