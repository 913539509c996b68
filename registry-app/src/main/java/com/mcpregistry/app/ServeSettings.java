package com.mcpregistry.app;

import com.mcpregistry.entra.EntraSettings;
import com.mcpregistry.http.RegistryApi;
import com.mcpregistry.postgres.PoolSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** Everything {@code serve} is configured with, read and checked once at start-up (SPEC §6). */
public record ServeSettings(
        PoolSettings database,
        EntraSettings identity,
        List<String> corsOrigins,
        int port,
        String logLevel,
        LogFormat logFormat,
        String environment,
        RegistryApi.PublicApi publicApi,
        boolean metricsEnabled,
        Duration signInMemory) {

    /** How long a signed-in user is remembered (SIGN_IN_CACHE_SECONDS): see {@link RecentSignIns}. */
    public static final Duration DEFAULT_SIGN_IN_MEMORY = Duration.ofSeconds(5);

    /** How log lines are written: one JSON object a line, or readable text. */
    public enum LogFormat {
        JSON,
        TEXT
    }

    public static ServeSettings from(Environment env) {
        PoolSettings database = database(env);
        EntraSettings identity = identity(env);
        return new ServeSettings(
                database,
                identity,
                env.list("CORS_ORIGINS"),
                env.integer("PORT", 8080, 1, 65_535),
                logLevel(env),
                env.choice("LOG_FORMAT", LogFormat.class, LogFormat.JSON),
                env.get("ENVIRONMENT").orElse("production"),
                env.choice("REGISTRY_PUBLIC_API", RegistryApi.PublicApi.class, RegistryApi.PublicApi.ANONYMOUS),
                !env.get("REGISTRY_METRICS").map("off"::equalsIgnoreCase).orElse(false),
                Duration.ofSeconds(
                        env.integer("SIGN_IN_CACHE_SECONDS", (int) DEFAULT_SIGN_IN_MEMORY.toSeconds(), 0, 300)));
    }

    /** Where PostgreSQL is and how many connections to keep (DB_POOL_MIN / DB_POOL_MAX, 10 / 20). */
    static PoolSettings database(Environment env) {
        String url = env.require("DATABASE_URL");
        int poolMin = env.integer("DB_POOL_MIN", PoolSettings.DEFAULT_MINIMUM_IDLE, 0, 500);
        int poolMax = env.integer("DB_POOL_MAX", PoolSettings.DEFAULT_MAXIMUM_POOL_SIZE, 1, 500);
        if (poolMin > poolMax) {
            throw new ConfigurationError("DB_POOL_MIN", "must not exceed DB_POOL_MAX (" + poolMax + ")");
        }
        try {
            return PoolSettings.fromDatabaseUrl(url).withPoolSize(poolMin, poolMax);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError("DATABASE_URL", e.getMessage());
        }
    }

    /** The Entra ID application whose tokens this registry accepts; each bad value is named by its setting. */
    private static EntraSettings identity(Environment env) {
        String tenant = env.require("AZURE_TENANT_ID");
        String client = env.require("AZURE_CLIENT_ID");
        EntraSettings identity;
        try {
            identity = EntraSettings.of(tenant, client);
        } catch (IllegalArgumentException e) {
            String name = e.getMessage().startsWith("tenantId") ? "AZURE_TENANT_ID" : "AZURE_CLIENT_ID";
            throw new ConfigurationError(name, e.getMessage());
        }
        for (var optional : List.<Map.Entry<String, BiFunction<EntraSettings, String, EntraSettings>>>of(
                Map.entry("ENTRA_AUTHORITY", EntraSettings::withAuthority),
                Map.entry("ENTRA_ADMIN_ROLE", EntraSettings::withAdminRole),
                Map.entry("ENTRA_ADMIN_GROUP_ID", EntraSettings::withAdminGroupId),
                Map.entry("ENTRA_REQUIRED_SCOPE", EntraSettings::withRequiredScope))) {
            String name = optional.getKey();
            EntraSettings current = identity;
            identity = env.get(name)
                    .map(value -> setting(name, () -> optional.getValue().apply(current, value)))
                    .orElse(identity);
        }
        List<String> audiences = env.list("ENTRA_EXTRA_AUDIENCES");
        EntraSettings withAudiences = identity;
        return setting("ENTRA_EXTRA_AUDIENCES", () -> withAudiences.withExtraAudiences(Set.copyOf(audiences)));
    }

    private static EntraSettings setting(String name, Supplier<EntraSettings> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError(name, e.getMessage());
        }
    }

    private static String logLevel(Environment env) {
        String level = env.get("LOG_LEVEL").orElse("INFO").toUpperCase(Locale.ROOT);
        if (!List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(level)) {
            throw new ConfigurationError("LOG_LEVEL", "must be one of trace, debug, info, warn, error");
        }
        return level;
    }
}
