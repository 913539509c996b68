package com.mcpregistry.app;

import static net.logstash.logback.argument.StructuredArguments.keyValue;

import com.mcpregistry.http.api.RegistryApi;
import com.mcpregistry.http.docs.OpenApiPaths;
import com.mcpregistry.http.shared.Access;
import com.mcpregistry.http.shared.Callers;
import com.mcpregistry.http.shared.RequestIds;
import com.mcpregistry.http.shared.Routes;
import com.mcpregistry.identity.SignedIn;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line and one timer sample per request: request id, method, route, status, duration and the caller's
 * object id; never a token. Also serves {@code GET /metrics} when metrics are enabled. Every label of the timer comes
 * from a closed set (known methods or {@code OTHER}, route patterns or {@code unmatched}, status codes), whatever
 * clients send.
 */
final class HttpObservability implements RegistryApi.Extension {
    private static final Logger LOG = LoggerFactory.getLogger("http.request");
    /** The methods a request is counted under by name; any other is counted as {@link #OTHER_METHOD}. */
    private static final Set<String> KNOWN_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "QUERY");

    private static final String OTHER_METHOD = "OTHER";

    private final Metrics metrics;
    private final boolean metricsRoute;

    HttpObservability(Metrics metrics, boolean metricsRoute) {
        this.metrics = metrics;
        this.metricsRoute = metricsRoute;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.requestLogger.http(this::completed);
        if (metricsRoute) {
            Routes.get(
                    config.routes,
                    "/metrics",
                    ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                            .result(metrics.scrape()),
                    Access.ANYONE);
        }
    }

    @Override
    public OpenApiPaths documentation() {
        return metricsRoute ? OpenApiPaths.fromClasspath(OpenApiPaths.METRICS) : OpenApiPaths.none();
    }

    private void completed(Context ctx, Float millis) {
        String route = route(ctx);
        int status = ctx.status().getCode();
        Timer.builder("http.server.requests")
                .tag("method", methodLabel(ctx.method().name()))
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(metrics.registry())
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
        SignedIn caller = Callers.orNull(ctx);
        LOG.info(
                "{} {} {} {}",
                keyValue("method", ctx.method().name()),
                keyValue("route", route),
                keyValue("status", status),
                keyValue("duration_ms", Math.round(millis * 1000) / 1000.0),
                keyValue("request_id", RequestIds.of(ctx)),
                keyValue("path", ctx.path()),
                keyValue(
                        "user_oid",
                        caller == null ? null : caller.user().identity().objectId()));
    }

    /**
     * The method as a label: a client may send any token as its method, and each distinct label value is one more
     * series kept for the life of the process.
     */
    private static String methodLabel(String method) {
        return KNOWN_METHODS.contains(method) ? method : OTHER_METHOD;
    }

    /**
     * The matched route's pattern, so that metrics do not get one series per id; unmatched requests share one. Not
     * {@code ctx.endpoint()}: when the authentication step refuses a request, that is the before-handler ({@code *}).
     */
    private static String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? "unmatched" : matched.path;
    }
}
