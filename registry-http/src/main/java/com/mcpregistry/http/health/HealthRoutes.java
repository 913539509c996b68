package com.mcpregistry.http.health;

import static com.mcpregistry.http.Access.ANYONE;

import com.mcpregistry.port.out.DatabaseHealth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** Liveness and readiness for load balancers and orchestrators. */
public final class HealthRoutes {

    private final DatabaseHealth database;

    public HealthRoutes(DatabaseHealth database) {
        this.database = database;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/health", this::health, ANYONE);
        routes.get("/health/live", ctx -> ctx.json(Map.of("status", "ok")), ANYONE);
        routes.get("/health/ready", this::health, ANYONE);
    }

    private void health(Context ctx) {
        boolean up = database.isUp();
        ctx.status(up ? 200 : 503);
        if (!up) {
            ctx.header("Retry-After", "5");
        }
        ctx.json(Map.of("status", up ? "ok" : "unavailable", "database", up ? "ok" : "unavailable"));
    }
}
