package com.mcpregistry.http.health;

import static com.mcpregistry.http.shared.Access.ANYONE;

import com.mcpregistry.health.port.in.CheckHealthUseCase;
import com.mcpregistry.http.shared.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/** Liveness and readiness for load balancers and orchestrators. */
public final class HealthRoutes {
    /** The health checks' paths. */
    public static final Set<String> PATHS = Set.of("/health", "/health/live", "/health/ready");

    /** The paths of the checks that ask the database. */
    public static final Set<String> DATABASE_PATHS = Set.of("/health", "/health/ready");

    private final CheckHealthUseCase health;

    public HealthRoutes(CheckHealthUseCase health) {
        this.health = health;
    }

    public void addTo(RoutesConfig routes) {
        Routes.get(routes, "/health", this::health, ANYONE);
        Routes.get(routes, "/health/live", ctx -> ctx.json(Map.of("status", "ok")), ANYONE);
        Routes.get(routes, "/health/ready", this::health, ANYONE);
    }

    private void health(Context ctx) {
        boolean up = health.databaseReachable();
        ctx.status(up ? 200 : 503);
        if (!up) {
            ctx.header("Retry-After", "5");
        }
        ctx.json(Map.of("status", up ? "ok" : "unavailable", "database", up ? "ok" : "unavailable"));
    }
}
