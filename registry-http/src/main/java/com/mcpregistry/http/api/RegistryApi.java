package com.mcpregistry.http.api;

import com.mcpregistry.core.RegistryUseCases;
import com.mcpregistry.http.audit.AuditRoutes;
import com.mcpregistry.http.checks.CheckRoutes;
import com.mcpregistry.http.docs.DocsPage;
import com.mcpregistry.http.docs.DocsRoutes;
import com.mcpregistry.http.docs.OpenApiDocument;
import com.mcpregistry.http.docs.OpenApiPaths;
import com.mcpregistry.http.health.HealthRoutes;
import com.mcpregistry.http.identity.UserRoutes;
import com.mcpregistry.http.limits.RateLimitStep;
import com.mcpregistry.http.ownership.NamespaceClaimRoutes;
import com.mcpregistry.http.ownership.ServerOwnerRoutes;
import com.mcpregistry.http.policy.PolicyRoutes;
import com.mcpregistry.http.publication.PublicApi;
import com.mcpregistry.http.publication.PublishRoutes;
import com.mcpregistry.http.publication.PublishedServerRoutes;
import com.mcpregistry.http.registration.RegistrationRoutes;
import com.mcpregistry.http.shared.Access;
import com.mcpregistry.http.shared.AllowedMethods;
import com.mcpregistry.http.shared.Json;
import com.mcpregistry.http.shared.JsonBody;
import com.mcpregistry.http.shared.ProblemDetails;
import com.mcpregistry.http.shared.RequestIds;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.QoSHandler;

/** Builds the registry's HTTP API as an unstarted {@link Javalin}, so that the app starts it and tests drive it. */
public final class RegistryApi {
    /** Request headers beyond this size are refused with 431 (Entra tokens with many claims stay well below). */
    public static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;

    private static final int DATABASE_HEALTH_CHECKS_AT_ONCE = 4;

    private RegistryApi() {}

    /**
     * What the application adds to the API (server settings, request logging, metrics, development routes), with
     * the OpenAPI description of the routes it adds, so that the served document describes exactly the routes that
     * exist. Each route it adds must declare an {@link Access}.
     */
    @FunctionalInterface
    public interface Extension {
        void configure(JavalinConfig config);

        /** The description of the routes {@link #configure} adds; none by default. */
        default OpenApiPaths documentation() {
            return OpenApiPaths.none();
        }

        /** {@code configure}, whose routes {@code documentation} describes. */
        static Extension documented(Consumer<JavalinConfig> configure, OpenApiPaths documentation) {
            return new Extension() {
                @Override
                public void configure(JavalinConfig config) {
                    configure.accept(config);
                }

                @Override
                public OpenApiPaths documentation() {
                    return documentation;
                }
            };
        }

        /** This extension, then {@code next}, with the documentation of both. */
        default Extension andThen(Extension next) {
            Extension first = this;
            return documented(
                    config -> {
                        first.configure(config);
                        next.configure(config);
                    },
                    first.documentation().and(next.documentation()));
        }
    }

    /**
     * The API with every route, the authentication step and the error mapping, and what {@code extension} adds; the
     * OpenAPI document served at {@code /openapi.json} includes the extension's documentation.
     */
    public static Javalin create(ApiSettings settings, RegistryUseCases core, Extension extension) {
        RateLimitStep rateLimits = new RateLimitStep(core.rateLimits(), settings.trustedProxies());
        AuthenticationStep authentication = new AuthenticationStep(core.authenticate(), rateLimits);
        AllowedMethods allowedMethods =
                new AllowedMethods(!settings.corsOrigins().isEmpty());
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.maxRequestSize = JsonBody.MAX_BODY_BYTES;
            // A known path asked with a method it does not serve is a 405 with Allow (ProblemDetails), not a 404.
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JettyProblems(MAX_REQUEST_HEADER_BYTES));
                // Each insert goes in front of the last: bodies are collected before a request counts as handled.
                server.insertHandler(databaseHealthChecks());
                server.insertHandler(othersBeforeHealthChecks());
                server.insertHandler(new EagerContentHandler(
                        new RequestBodies(settings.requestBodies(), settings.trustedProxies())));
            });
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
                http.setSendServerVersion(false);
            });
            config.routes.before(RequestIds::assign);
            CorsRule.addTo(config.routes, settings.corsOrigins(), allowedMethods);
            config.routes.beforeMatched(authentication::check);
            config.routes.beforeMatched(rateLimits::check);
            ProblemDetails.register(config.routes, allowedMethods);
            new HealthRoutes(core.checkHealth()).addTo(config.routes);
            new UserRoutes(core.findUser()).addTo(config.routes);
            new RegistrationRoutes(
                            core.submitRegistration(),
                            core.editRegistration(),
                            core.reviewRegistration(),
                            core.deleteRegistration(),
                            core.findRegistrations(),
                            core.remoteChecks(),
                            settings.reviewPrecondition())
                    .addTo(config.routes);
            new CheckRoutes(core.remoteChecks()).addTo(config.routes);
            new ServerOwnerRoutes(core.manageOwners()).addTo(config.routes);
            new NamespaceClaimRoutes(core.manageNamespaces()).addTo(config.routes);
            new AuditRoutes(core.queryAudit()).addTo(config.routes);
            new PolicyRoutes(core.exportPolicy(), settings.policyExport()).addTo(config.routes);
            new PublishedServerRoutes(core.listPublishedServers(), core.remoteChecks(), settings.publicApi())
                    .addTo(config.routes);
            new PublishRoutes(core.submitRegistration(), core.remoteChecks(), settings.publicApi())
                    .addTo(config.routes);
            new DocsRoutes(
                            () -> OpenApiDocument.fromClasspath().with(extension.documentation()),
                            DocsPage.swaggerUi(),
                            DocsPage.redoc(),
                            settings.publicApi() != PublicApi.OFF)
                    .addTo(config.routes);
            extension.configure(config);
        });
        allowedMethods.useRouter(app.unsafe.internalRouter);
        return app;
    }

    /**
     * At most half of the request threads (Jetty's default) handle other requests than health checks at once; the
     * rest wait, without a thread, for one to finish. Whatever holds the others (slow database calls, clients that
     * read their answers slowly), a health check finds a thread.
     */
    private static QoSHandler othersBeforeHealthChecks() {
        QoSHandler others = new QoSHandler();
        // However many wait, as the thread pool's queue took any number before (past a bound Jetty answers an empty
        // 503).
        others.setMaxSuspendedRequestCount(-1);
        others.exclude(request -> HealthRoutes.PATHS.contains(Request.getPathInContext(request)));
        return others;
    }

    /**
     * The checks that ask the database ({@code /health}, {@code /health/ready}) wait for it with a few threads at
     * most, so that a flood of them cannot take every thread while the database is slow; {@code /health/live} asks
     * nothing and is never held back.
     */
    private static QoSHandler databaseHealthChecks() {
        QoSHandler checks = new QoSHandler();
        checks.setMaxRequestCount(DATABASE_HEALTH_CHECKS_AT_ONCE);
        checks.setMaxSuspendedRequestCount(-1);
        checks.include(request -> HealthRoutes.DATABASE_PATHS.contains(Request.getPathInContext(request)));
        return checks;
    }
}
