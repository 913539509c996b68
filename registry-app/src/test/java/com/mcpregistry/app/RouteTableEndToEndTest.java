package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.http.docs.OpenApiSchemas;
import com.mcpregistry.http.docs.RouteTable;
import com.mcpregistry.http.shared.Access;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every route of the started application declares exactly one {@link Access} — the API's own routes and those the
 * application adds ({@code /metrics}, and {@code /dev/token} in {@code start-dev}). A route that forgets is found
 * here, and meanwhile the authentication step treats it as admin-only. The OpenAPI document each mode serves
 * describes exactly the routes of that mode.
 */
class RouteTableEndToEndTest {
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.development();

    @Test
    void every_route_of_the_running_app_declares_exactly_one_access() {
        List<RouteTable.Route> routes = RouteTable.of(registry.server().javalin());

        assertThat(routes)
                .hasSizeGreaterThan(15)
                .allSatisfy(route -> assertThat(route.access())
                        .as(route + " declares exactly one Access and no other role")
                        .isPresent());
    }

    @Test
    void the_apps_own_routes_are_in_the_table_and_public() {
        List<RouteTable.Route> routes = RouteTable.of(registry.server().javalin());

        assertThat(routes)
                .filteredOn(
                        route -> route.path().equals("/metrics") || route.path().equals("/dev/token"))
                .extracting(route -> route.method() + " " + route.path() + " "
                        + route.access().orElseThrow())
                .containsExactlyInAnyOrder("GET /metrics ANYONE", "POST /dev/token ANYONE");
    }

    @Test
    void the_document_served_in_start_dev_describes_exactly_its_routes_dev_token_and_metrics_included() {
        OpenApiSchemas served = registry.servedDocument();
        RouteTable.Parity parity = RouteTable.parity(registry.server().javalin(), served);

        assertThat(parity.undocumented())
                .as("routes the served document does not describe")
                .isEmpty();
        assertThat(parity.unserved())
                .as("operations the served document describes but no route serves")
                .isEmpty();
        assertThat(parity.routes()).contains("POST /dev/token", "GET /metrics", "GET /");

        HttpResponse<String> token = registry.post("/dev/token", null, Map.of("name", "Docs Reader", "admin", true));
        HttpResponse<String> metrics = registry.get("/metrics", null);
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(metrics.statusCode()).isEqualTo(200);
        served.assertResponse(token);
        served.assertResponse(metrics);
    }

    @Test
    void the_document_served_by_serve_describes_metrics_and_no_dev_token() {
        try (RunningRegistry serve = RunningRegistry.standard().start()) {
            OpenApiSchemas served = serve.servedDocument();
            RouteTable.Parity parity = RouteTable.parity(serve.server().javalin(), served);

            assertThat(parity.undocumented()).isEmpty();
            assertThat(parity.unserved()).isEmpty();
            assertThat(served.document().path("paths").has("/metrics")).isTrue();
            assertThat(served.document().path("paths").has("/dev/token")).isFalse();
            assertThat(serve.post("/dev/token", null, Map.of()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void with_metrics_off_neither_the_route_nor_the_document_has_metrics() {
        try (RunningRegistry quiet = RunningRegistry.standard().withoutMetrics().start()) {
            OpenApiSchemas served = quiet.servedDocument();
            RouteTable.Parity parity = RouteTable.parity(quiet.server().javalin(), served);

            assertThat(parity.undocumented()).isEmpty();
            assertThat(parity.unserved()).isEmpty();
            assertThat(served.document().path("paths").has("/metrics")).isFalse();
            assertThat(quiet.get("/metrics", null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void admin_routes_are_exactly_the_audit_trail_transfers_namespace_claims_and_the_policy_export() {
        assertThat(RouteTable.of(registry.server().javalin()))
                .filteredOn(route -> route.access().equals(java.util.Optional.of(Access.ADMIN)))
                .extracting(RouteTable.Route::key)
                .containsExactlyInAnyOrder(
                        "GET /audit",
                        "PUT /servers/{}/owners",
                        "POST /namespaces",
                        "DELETE /namespaces/{}",
                        "GET /policy/{}");
    }

    @Test
    void routes_without_exactly_one_access_are_reported_and_a_route_without_any_is_admin_only() {
        try (RunningRegistry careless = RunningRegistry.withExtraRoutes(config -> {
                    config.routes.get("/forgotten", ctx -> ctx.result("secret"));
                    config.routes.get("/both", ctx -> ctx.result("?"), Access.ANYONE, Access.ADMIN);
                })
                .start()) {
            List<RouteTable.Route> routes = RouteTable.of(careless.server().javalin());

            assertThat(routes)
                    .filteredOn(route -> route.access().isEmpty())
                    .extracting(RouteTable.Route::key)
                    .containsExactlyInAnyOrder("GET /forgotten", "GET /both");
            assertThat(careless.get("/forgotten", null).statusCode()).isEqualTo(401);
            assertThat(careless.get("/forgotten", careless.userToken("Curious")).statusCode())
                    .isEqualTo(403);
            assertThat(careless.get("/forgotten", careless.adminToken()).statusCode())
                    .isEqualTo(200);
        }
    }
}
