package com.mcpregistry.http.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.http.Access;
import com.mcpregistry.http.StartedApi;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes exactly the routes {@code RegistryApi} registers, each with the access it
 * declares. A new route fails here until the document describes it.
 */
class RouteParityTest {
    /**
     * Routes that serve the documentation pages' own scripts, styles and icons: files for a browser, not operations
     * of the API, so the document leaves them out on purpose (DocsPagesTest covers them).
     */
    private static final Set<String> NOT_OPERATIONS = Set.of("GET /docs/assets/{}", "GET /redoc/assets/{}");

    private static final OpenApiSchemas SCHEMAS = OpenApiSchemas.fromClasspath();
    private static StartedApi api;

    @BeforeAll
    static void start() {
        api = StartedApi.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void every_route_declares_exactly_one_access() {
        assertThat(RouteTable.of(api.app()))
                .hasSizeGreaterThan(10)
                .allSatisfy(route -> assertThat(route.access())
                        .as(route + " declares exactly one Access and no other role")
                        .isPresent());
    }

    @Test
    void the_document_describes_exactly_the_routes_the_api_serves() {
        Set<String> routes = routeKeys(RouteTable.of(api.app()));
        Set<String> documented = documentedKeys();

        assertThat(routes).contains("GET /openapi.json", "POST /registrations").containsAll(NOT_OPERATIONS);
        assertThat(difference(routes, documented))
                .as("routes the OpenAPI document does not describe")
                .isEmpty();
        assertThat(difference(documented, routes))
                .as("operations the OpenAPI document describes but no route serves")
                .isEmpty();
    }

    @Test
    void a_route_added_later_is_reported_as_undocumented() {
        try (StartedApi extended =
                StartedApi.start(config -> config.routes.get("/v0.1/servers/{serverName}", ctx -> {}, Access.ANYONE))) {
            Set<String> routes = routeKeys(RouteTable.of(extended.app()));

            assertThat(difference(routes, documentedKeys())).containsExactly("GET /v0.1/servers/{}");
        }
    }

    @Test
    void each_operation_states_the_access_its_route_declares() {
        Map<String, Access> routeAccess = RouteTable.of(api.app()).stream()
                .filter(route -> route.access().isPresent())
                .collect(Collectors.toMap(
                        RouteTable.Route::key, route -> route.access().orElseThrow()));

        for (OpenApiSchemas.Operation operation : SCHEMAS.operations()) {
            String key = RouteTable.key(operation.method(), operation.path());
            Access access = routeAccess.get(key);
            assertThat(access).as(key + " is a route").isNotNull();
            JsonNode node = operation.node();
            assertThat(node.path("x-registry-access").asText())
                    .as(operation.operationId() + " x-registry-access")
                    .isEqualTo(access.name().toLowerCase(Locale.ROOT));
            if (access == Access.ANYONE) {
                assertThat(node.path("security").size())
                        .as(operation.operationId() + " is public: security []")
                        .isZero();
            } else {
                assertThat(node.path("security").toString())
                        .as(operation.operationId() + " needs a bearer token")
                        .isEqualTo("[{\"bearerAuth\":[]}]");
                assertThat(node.path("responses").has("401"))
                        .as(operation.operationId() + " documents 401")
                        .isTrue();
                assertThat(node.path("responses").has("403"))
                        .as(operation.operationId() + " documents 403")
                        .isTrue();
                assertThat(node.path("responses").has("503"))
                        .as(operation.operationId() + " documents 503")
                        .isTrue();
            }
        }
    }

    @Test
    void operations_that_take_a_body_document_its_failures() {
        for (OpenApiSchemas.Operation operation : SCHEMAS.operations()) {
            if (operation.node().has("requestBody")) {
                assertThat(operation.node().path("responses").fieldNames())
                        .toIterable()
                        .as(operation.operationId() + " reads a JSON body")
                        .contains("400", "413", "415");
            }
        }
    }

    private static Set<String> routeKeys(List<RouteTable.Route> routes) {
        return routes.stream().map(RouteTable.Route::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> documentedKeys() {
        Set<String> keys = SCHEMAS.operations().stream()
                .map(operation -> RouteTable.key(operation.method(), operation.path()))
                .collect(Collectors.toCollection(TreeSet::new));
        keys.addAll(NOT_OPERATIONS);
        return keys;
    }

    private static Set<String> difference(Set<String> from, Set<String> minus) {
        return from.stream().filter(key -> !minus.contains(key)).collect(Collectors.toCollection(TreeSet::new));
    }
}
