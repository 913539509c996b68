package com.mcpregistry.app;

import com.mcpregistry.core.RegistryCore;
import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.api.RegistryApi;
import com.mcpregistry.identity.port.out.AccessTokenVerifier;
import com.mcpregistry.limits.LimitSettings;
import com.mcpregistry.postgres.PoolSettings;
import com.mcpregistry.postgres.PostgresAdapters;
import com.mcpregistry.postgres.PostgresPool;
import com.mcpregistry.postgres.SchemaMigrator;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The registry wired together and listening: pool, schema, PostgreSQL adapters, services, HTTP API, and the
 * rate limits it shares with other instances ({@link RateLimitSync}). Closing it stops accepting requests, lets those
 * in flight finish (up to {@link #DRAIN_TIME}), sends what it counted to the shared limits, then closes the pool.
 */
public final class RegistryServer implements AutoCloseable {
    /** How long in-flight requests may run on after a stop is asked for. */
    public static final Duration DRAIN_TIME = Duration.ofSeconds(10);

    private final HikariDataSource dataSource;
    private final Metrics metrics;
    private final AccessTokenVerifier verifier;
    private final Javalin app;
    private final RateLimitSync rateLimitSync;

    /** What differs between {@code serve}, {@code start-dev} and tests. */
    public record Options(
            PoolSettings database,
            AccessTokenVerifier verifier,
            ApiSettings api,
            String host,
            int port,
            boolean metricsRoute,
            RegistryApi.Extension extraRoutes,
            Duration signInMemory,
            Clock clock,
            LimitSettings limits,
            Duration searchTimeout) {
        public Options {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(verifier, "verifier");
            Objects.requireNonNull(api, "api");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(extraRoutes, "extraRoutes");
            Objects.requireNonNull(signInMemory, "signInMemory");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(searchTimeout, "searchTimeout");
        }
    }

    private RegistryServer(
            HikariDataSource dataSource,
            Metrics metrics,
            AccessTokenVerifier verifier,
            Javalin app,
            RateLimitSync rateLimitSync) {
        this.dataSource = dataSource;
        this.metrics = metrics;
        this.verifier = verifier;
        this.app = app;
        this.rateLimitSync = rateLimitSync;
    }

    /** Migrates the schema (safe when several instances start at once) and starts listening. */
    public static RegistryServer start(Options options) {
        HikariDataSource dataSource = PostgresPool.create(options.database());
        Metrics metrics = new Metrics();
        CompletableFuture<Void> migrated = CompletableFuture.completedFuture(null);
        try {
            dataSource.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics.registry()));
            // The schema check (Liquibase, much of it waiting for the database) and building the API (routes, JSON,
            // the OpenAPI document) need nothing from each other: side by side they take the longer of the two, not
            // the sum. Nothing listens before the schema is up to date.
            migrated = CompletableFuture.runAsync(
                    () -> new SchemaMigrator(dataSource).migrate(),
                    task -> new Thread(task, "schema-migration").start());
            PostgresAdapters db = new PostgresAdapters(dataSource, options.searchTimeout());
            Javalin app = api(db, metrics, options);
            CompletableFuture<Void> migration = migrated;
            UnreachableDatabase.reporting(options.database(), () -> {
                awaitMigration(migration);
                return null;
            });
            app.start(options.host(), options.port());
            RateLimitSync rateLimitSync = RateLimitSync.start(db.rateLimitBuckets());
            return new RegistryServer(dataSource, metrics, options.verifier(), app, rateLimitSync);
        } catch (RuntimeException | Error e) {
            // The migration must not go on using the pool that is closed next.
            migrated.handle((done, failure) -> done).join();
            dataSource.close();
            metrics.close();
            throw e;
        }
    }

    /** Waits for the migration and rethrows its failure as itself. */
    private static void awaitMigration(CompletableFuture<Void> migrated) {
        try {
            migrated.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static Javalin api(PostgresAdapters db, Metrics metrics, Options options) {
        RegistryCore core = RegistryCore.create(
                db.coreAdapters(),
                options.verifier(),
                signIn -> RecentSignIns.remembering(signIn, options.signInMemory()),
                options.clock(),
                new RegistryCore.Limits(
                        options.limits(),
                        new LimitMetrics(metrics.registry(), options.limits(), options.searchTimeout())));
        HttpObservability observability = new HttpObservability(metrics, options.metricsRoute());
        RegistryApi.Extension drain = config -> config.jetty.modifyServer(server -> {
            server.setStopTimeout(DRAIN_TIME.toMillis());
            server.insertHandler(new GracefulHandler());
        });
        return RegistryApi.create(
                options.api(), core, drain.andThen(observability).andThen(options.extraRoutes()));
    }

    public int port() {
        return app.port();
    }

    /** The running Javalin app, for tests that read its route table. */
    Javalin javalin() {
        return app;
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            // Before the pool closes: its last synchronisation needs it.
            rateLimitSync.close();
            dataSource.close();
            metrics.close();
            if (verifier instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("could not stop the token verifier", e);
                }
            }
        }
    }
}
