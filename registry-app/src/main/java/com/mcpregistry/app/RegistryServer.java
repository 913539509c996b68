package com.mcpregistry.app;

import com.mcpregistry.core.RegistryCore;
import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.domain.serverjson.PublishRules;
import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.api.RegistryApi;
import com.mcpregistry.http.serverjson.ServerJsonText;
import com.mcpregistry.identity.port.out.AccessTokenVerifier;
import com.mcpregistry.limits.LimitSettings;
import com.mcpregistry.mcp.probe.McpRemoteProbe;
import com.mcpregistry.postgres.PoolSettings;
import com.mcpregistry.postgres.PostgresAdapters;
import com.mcpregistry.postgres.PostgresPool;
import com.mcpregistry.postgres.SchemaMigrator;
import com.mcpregistry.postgres.audit.AuditTrailGuard;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry wired together and listening: pool, schema, PostgreSQL adapters, services, HTTP API, audit
 * checkpoints, the rate limits it shares with other instances ({@link RateLimitSync}), and its share of the checks of
 * remote servers ({@link CheckWorkers}, through the MCP client of {@link McpRemoteProbe}). Closing it stops accepting
 * requests and leasing checks, lets the requests and checks in flight finish (up to {@link #DRAIN_TIME}), sends what
 * it counted to the shared limits, then closes the pool.
 */
public final class RegistryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryServer.class);

    /** How long in-flight requests may run on after a stop is asked for. */
    public static final Duration DRAIN_TIME = Duration.ofSeconds(10);

    private final HikariDataSource dataSource;
    private final Metrics metrics;
    private final AccessTokenVerifier verifier;
    private final Javalin app;
    private final RateLimitSync rateLimitSync;
    private final Optional<AuditCheckpoints> checkpoints;
    private final Optional<CheckWorkers> checkWorkers;

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
            Duration searchTimeout,
            AuditProtection auditProtection,
            NamespacePolicy namespacePolicy,
            PublishRules publishRules,
            CheckSettings checks) {
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
            Objects.requireNonNull(auditProtection, "auditProtection");
            Objects.requireNonNull(namespacePolicy, "namespacePolicy");
            Objects.requireNonNull(publishRules, "publishRules");
            Objects.requireNonNull(checks, "checks");
        }
    }

    private RegistryServer(
            HikariDataSource dataSource,
            Metrics metrics,
            AccessTokenVerifier verifier,
            Javalin app,
            RateLimitSync rateLimitSync,
            Optional<AuditCheckpoints> checkpoints,
            Optional<CheckWorkers> checkWorkers) {
        this.dataSource = dataSource;
        this.metrics = metrics;
        this.verifier = verifier;
        this.app = app;
        this.rateLimitSync = rateLimitSync;
        this.checkpoints = checkpoints;
        this.checkWorkers = checkWorkers;
    }

    /**
     * Migrates the schema (safe when several instances start at once; as the schema's owner when the options name
     * one), checks how the audit trail is protected, starts listening, taking audit checkpoints and running checks.
     */
    public static RegistryServer start(Options options) {
        HikariDataSource dataSource = PostgresPool.create(options.database());
        Metrics metrics = new Metrics();
        CompletableFuture<Void> migrated = CompletableFuture.completedFuture(null);
        try {
            dataSource.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics.registry()));
            PostgresAdapters db = new PostgresAdapters(
                    dataSource,
                    new AuditChain(options.auditProtection().auditKeys()),
                    options.searchTimeout(),
                    new RecentDocuments(ServerJsonText.INSTANCE));
            // The database's part of starting — the schema check (one query when the schema is current, Liquibase
            // otherwise), then the audit trail's protection (the first statements through Jdbi, which registers its
            // flight-recorder event on the first, a few hundred milliseconds) — and building the API (routes, JSON)
            // need nothing from each other: side by side they take the longer of the two, not the sum. Nothing
            // listens before both are done.
            migrated = CompletableFuture.runAsync(
                    () -> {
                        migrate(dataSource, options.auditProtection().migrationDatabase());
                        checkAuditProtection(db, options.auditProtection());
                    },
                    task -> new Thread(task, "schema-migration").start());
            RegistryCore core = RegistryCore.create(
                    db.coreAdapters(),
                    options.verifier(),
                    signIn -> RecentSignIns.remembering(signIn, options.signInMemory()),
                    options.clock(),
                    new RegistryCore.Limits(
                            options.limits(),
                            new LimitMetrics(metrics.registry(), options.limits(), options.searchTimeout())),
                    options.namespacePolicy(),
                    options.publishRules(),
                    options.checks()
                            .core(new CheckMetrics(
                                    new McpRemoteProbe(options.checks().probe()), metrics.registry())));
            Javalin app = api(core, metrics, options);
            CompletableFuture<Void> migration = migrated;
            UnreachableDatabase.reporting(options.database(), () -> {
                awaitMigration(migration);
                return null;
            });
            app.start(options.host(), options.port());
            metrics.bindJvmMetricsInBackground();
            RateLimitSync rateLimitSync = RateLimitSync.start(db.rateLimitBuckets());
            Optional<AuditCheckpoints> checkpoints = AuditCheckpoints.start(
                    core.verifyAudit(), metrics, options.auditProtection().checkpointInterval());
            // PROBE_WORKERS=0: this instance leaves the schedule to others; checks asked for still run here.
            Optional<CheckWorkers> checkWorkers = options.checks().workers() == 0
                    ? Optional.empty()
                    : Optional.of(CheckWorkers.start(
                            core.checkRunner().orElseThrow(), options.checks().workers()));
            return new RegistryServer(
                    dataSource, metrics, options.verifier(), app, rateLimitSync, checkpoints, checkWorkers);
        } catch (RuntimeException | Error e) {
            // The migration must not go on using the pool that is closed next.
            migrated.handle((done, failure) -> done).join();
            dataSource.close();
            metrics.close();
            throw e;
        }
    }

    /** Migrates on the registry's own pool, or as the schema's owner on a pool of its own when one is named. */
    private static void migrate(HikariDataSource registryPool, Optional<PoolSettings> ownerDatabase) {
        if (ownerDatabase.isEmpty()) {
            new SchemaMigrator(registryPool).migrate();
            return;
        }
        try (HikariDataSource ownerPool = PostgresPool.create(ownerDatabase.get())) {
            UnreachableDatabase.reporting(ownerDatabase.get(), () -> {
                new SchemaMigrator(ownerPool).migrate();
                return null;
            });
        }
    }

    /**
     * Warns about, or refuses, a role that could get round the audit trail's guard in the database; refuses an
     * audit trail that is keyed when no key is set (each event would break its chain), and warns when none is.
     */
    static void checkAuditProtection(PostgresAdapters db, AuditProtection protection) {
        if (protection.privilegeCheck() != AuditProtection.PrivilegeCheck.OFF) {
            AuditTrailGuard.Role role = AuditTrailGuard.connectedRole(db.jdbi());
            if (!role.leastPrivileged()) {
                String problem = "the database role " + role.name() + " (DATABASE_URL) could get round the audit"
                        + " trail's guard: " + String.join("; ", role.waysAround()) + ". Run the registry as a login"
                        + " role granted registry_runtime and migrate as the schema's owner (MIGRATION_DATABASE_URL):"
                        + " see the README, \"The audit trail\"";
                if (protection.privilegeCheck() == AuditProtection.PrivilegeCheck.REFUSE) {
                    throw new ConfigurationError("REQUIRE_LEAST_PRIVILEGE", "is true, and " + problem);
                }
                LOG.warn("{} (with REQUIRE_LEAST_PRIVILEGE=true the registry would refuse to start)", problem);
            }
        }
        if (protection.auditKeys().current().isEmpty()) {
            Optional<String> newestKey = db.auditTrail().newest().flatMap(AuditChain.Link::keyId);
            if (newestKey.isPresent()) {
                throw new ConfigurationError(
                        "AUDIT_KEY",
                        "is required: the audit trail is keyed (its newest event is hashed under the key '"
                                + newestKey.get() + "') and an unkeyed event after it would break the chain");
            }
            LOG.warn("AUDIT_KEY is not set: audit events are hashed without a key, so whoever may insert into"
                    + " audit_log can append events that verify and a rewritten trail cannot be told from the real"
                    + " one, and no audit checkpoint is signed. Set AUDIT_KEY: see the README, \"The audit trail\"");
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

    private static Javalin api(RegistryCore core, Metrics metrics, Options options) {
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
        long deadline = System.nanoTime() + DRAIN_TIME.toNanos();
        // Checks drain while requests do: both within DRAIN_TIME, both before the pool closes (they record).
        checkWorkers.ifPresent(CheckWorkers::stop);
        try {
            checkpoints.ifPresent(AuditCheckpoints::close);
            app.stop();
        } finally {
            checkWorkers.ifPresent(
                    workers -> workers.awaitRunning(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
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
