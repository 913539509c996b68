package com.mcpregistry.http.docs;

import com.mcpregistry.http.shared.Access;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The routes a Javalin app answers, read from its router: method, path and the roles each declares. Before/after
 * handlers and the HEAD and OPTIONS routes Javalin or its plugins add on their own are left out.
 */
public final class RouteTable {

    /** One route as registered, e.g. {@code PATCH /registrations/{registration_id}}. */
    public record Route(String method, String path, Set<RouteRole> roles) {
        public Route {
            roles = Set.copyOf(roles);
        }

        /** Method and path with parameter names dropped, to compare with the OpenAPI document. */
        public String key() {
            return RouteTable.key(method, path);
        }

        /** The route's access when it declares exactly one role and that role is an {@link Access}. */
        public Optional<Access> access() {
            if (roles.size() != 1) {
                return Optional.empty();
            }
            RouteRole role = roles.iterator().next();
            return role instanceof Access access ? Optional.of(access) : Optional.empty();
        }

        @Override
        public String toString() {
            return method + " " + path + " " + roles;
        }
    }

    /**
     * Routes that serve the documentation pages' own scripts, styles and icons: files for a browser, not operations
     * of the API, so the document leaves them out on purpose (DocsPagesTest covers them).
     */
    public static final Set<String> NOT_OPERATIONS = Set.of("GET /docs/assets/{}", "GET /redoc/assets/{}");

    /**
     * How an app's routes and an OpenAPI document differ, as {@link Route#key}s: routes the document does not
     * describe, and operations it describes that no route serves. Both empty when the document is the app's.
     */
    public record Parity(Set<String> routes, Set<String> undocumented, Set<String> unserved) {}

    private RouteTable() {}

    /** Compares the routes of {@code app} with the operations of {@code document}. */
    public static Parity parity(Javalin app, OpenApiSchemas document) {
        Set<String> routes = of(app).stream().map(Route::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = document.operations().stream()
                .map(operation -> key(operation.method(), operation.path()))
                .collect(Collectors.toCollection(TreeSet::new));
        documented.addAll(NOT_OPERATIONS);
        return new Parity(routes, difference(routes, documented), difference(documented, routes));
    }

    private static Set<String> difference(Set<String> from, Set<String> minus) {
        return from.stream().filter(key -> !minus.contains(key)).collect(Collectors.toCollection(TreeSet::new));
    }

    public static List<Route> of(Javalin app) {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .filter(endpoint ->
                        !endpoint.method.equals(HandlerType.HEAD) && !endpoint.method.equals(HandlerType.OPTIONS))
                .map(endpoint -> new Route(endpoint.method.name(), endpoint.path, roles(endpoint)))
                .sorted(Comparator.comparing(Route::path).thenComparing(Route::method))
                .toList();
    }

    /**
     * {@code GET /registrations/{}} for {@code get} and {@code /registrations/{registration_id}}: Javalin's
     * {@code {name}} and {@code <name>} parameters and OpenAPI's {@code {name}} all become {@code {}}.
     */
    public static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path.replaceAll("\\{[^}/]*}|<[^>/]*>", "{}");
    }

    private static Set<RouteRole> roles(Endpoint endpoint) {
        Roles roles = endpoint.metadata(Roles.class);
        return roles == null ? Set.of() : roles.getRoles();
    }
}
