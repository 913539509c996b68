package com.mcpregistry.app;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Everything {@code serve} is configured with, read and checked once at start-up (SPEC §6). */
public record ServeSettings(
        DatabaseUrl database,
        int poolMin,
        int poolMax,
        Identity identity,
        List<String> corsOrigins,
        int port,
        String logLevel,
        LogFormat logFormat,
        String environment,
        PublicApi publicApi,
        boolean metricsEnabled) {

    private static final Pattern GUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /** How log lines are written: one JSON object a line, or readable text. */
    public enum LogFormat {
        JSON,
        TEXT
    }

    /** Who may read the MCP registry API ({@code /v0.1}): anyone, signed-in callers, or nobody. */
    public enum PublicApi {
        ANONYMOUS,
        AUTHENTICATED,
        OFF
    }

    /** The Entra ID application this registry trusts tokens for. */
    public record Identity(
            String tenantId,
            String clientId,
            String authority,
            String adminRole,
            Optional<String> adminGroupId,
            Optional<String> requiredScope,
            List<String> extraAudiences) {}

    public static ServeSettings from(Environment env) {
        DatabaseUrl database = DatabaseUrl.parse("DATABASE_URL", env.require("DATABASE_URL"));
        int poolMin = env.integer("DB_POOL_MIN", 10, 0, 500);
        int poolMax = env.integer("DB_POOL_MAX", 20, 1, 500);
        if (poolMin > poolMax) {
            throw new ConfigurationError("DB_POOL_MIN", "must not exceed DB_POOL_MAX (" + poolMax + ")");
        }
        Identity identity = new Identity(
                guid(env, "AZURE_TENANT_ID"),
                guid(env, "AZURE_CLIENT_ID"),
                authority(env),
                env.get("ENTRA_ADMIN_ROLE").orElse("Registry.Admin"),
                env.get("ENTRA_ADMIN_GROUP_ID"),
                env.get("ENTRA_REQUIRED_SCOPE"),
                env.list("ENTRA_EXTRA_AUDIENCES"));
        return new ServeSettings(
                database,
                poolMin,
                poolMax,
                identity,
                env.list("CORS_ORIGINS"),
                env.integer("PORT", 8080, 1, 65_535),
                logLevel(env),
                env.choice("LOG_FORMAT", LogFormat.class, LogFormat.JSON),
                env.get("ENVIRONMENT").orElse("production"),
                env.choice("REGISTRY_PUBLIC_API", PublicApi.class, PublicApi.ANONYMOUS),
                !env.get("REGISTRY_METRICS").map("off"::equalsIgnoreCase).orElse(false));
    }

    private static String guid(Environment env, String name) {
        String value = env.require(name);
        if (!GUID.matcher(value).matches()) {
            throw new ConfigurationError(name, "must be a GUID such as 00000000-0000-0000-0000-000000000000");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    private static String authority(Environment env) {
        String raw = env.get("ENTRA_AUTHORITY").orElse("https://login.microsoftonline.com");
        URI uri;
        try {
            uri = URI.create(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError("ENTRA_AUTHORITY", "is not a valid URL");
        }
        boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw new ConfigurationError("ENTRA_AUTHORITY", "must be an https URL (http only on loopback)");
        }
        return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
    }

    private static String logLevel(Environment env) {
        String level = env.get("LOG_LEVEL").orElse("INFO").toUpperCase(java.util.Locale.ROOT);
        if (!List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(level)) {
            throw new ConfigurationError("LOG_LEVEL", "must be one of trace, debug, info, warn, error");
        }
        return level;
    }
}
