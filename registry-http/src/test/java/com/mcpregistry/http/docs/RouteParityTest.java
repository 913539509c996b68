package com.mcpregistry.http.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.http.api.RegistryApi;
import com.mcpregistry.http.api.StartedApi;
import com.mcpregistry.http.shared.Access;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAPI document describes exactly the routes {@code RegistryApi} registers, each with the access it
 * declares. A new route fails here until the document describes it.
 */
class RouteParityTest {
    private static final OpenApiSchemas SCHEMAS = OpenApiSchemas.fromClasspath();

    @RegisterExtension
    static final StartedApi api = StartedApi.perTestClass();

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
        RouteTable.Parity parity = RouteTable.parity(api.app(), SCHEMAS);

        assertThat(parity.routes())
                .contains("GET /", "GET /openapi.json", "POST /registrations")
                .containsAll(RouteTable.NOT_OPERATIONS);
        assertThat(parity.undocumented())
                .as("routes the OpenAPI document does not describe")
                .isEmpty();
        assertThat(parity.unserved())
                .as("operations the OpenAPI document describes but no route serves")
                .isEmpty();
    }

    @Test
    void a_route_added_later_is_reported_as_undocumented() {
        try (StartedApi extended =
                StartedApi.start(config -> config.routes.get("/v0.1/servers/{serverName}", ctx -> {}, Access.ANYONE))) {
            assertThat(RouteTable.parity(extended.app(), SCHEMAS).undocumented())
                    .containsExactly("GET /v0.1/servers/{}");
        }
    }

    @Test
    void routes_an_extension_adds_are_served_in_the_document_with_the_description_it_brings() {
        RegistryApi.Extension metrics = RegistryApi.Extension.documented(
                config -> config.routes.get("/metrics", ctx -> ctx.result("up 1\n"), Access.ANYONE),
                OpenApiPaths.fromClasspath(OpenApiPaths.METRICS));
        try (StartedApi extended = StartedApi.start(metrics)) {
            OpenApiSchemas served =
                    OpenApiSchemas.of(extended.get("/openapi.json").body());
            RouteTable.Parity parity = RouteTable.parity(extended.app(), served);

            assertThat(parity.routes()).contains("GET /metrics");
            assertThat(parity.undocumented()).isEmpty();
            assertThat(parity.unserved()).isEmpty();
            assertThat(RouteTable.parity(api.app(), served).unserved())
                    .as("the API alone has no /metrics")
                    .containsExactly("GET /metrics");
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
                        .contains("400", "408", "413", "415");
            }
        }
    }
}
