package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.entra.DevelopmentTokenIssuer;
import com.mcpregistry.http.Access;
import com.mcpregistry.http.docs.RouteTable;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every route of the started application declares exactly one {@link Access} — the API's own routes and those the
 * application adds ({@code /metrics}, and {@code /dev/token} in {@code start-dev}). A route that forgets is found
 * here, and meanwhile the authentication step treats it as admin-only.
 */
class RouteTableEndToEndTest {
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.withExtraRoutes(
            new DevelopmentTokenRoutes(DevelopmentTokenIssuer.ephemeral(Clock.systemUTC()))::addTo);

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
    void admin_routes_are_exactly_the_audit_trail() {
        assertThat(RouteTable.of(registry.server().javalin()))
                .filteredOn(route -> route.access().equals(java.util.Optional.of(Access.ADMIN)))
                .extracting(RouteTable.Route::key)
                .containsExactly("GET /audit");
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
