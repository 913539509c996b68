package com.mcpregistry.app;

import com.mcpregistry.domain.audit.AuditKey;
import com.mcpregistry.domain.audit.AuditKeys;
import com.mcpregistry.entra.EntraSettings;
import com.mcpregistry.entra.JwksPolicy;
import com.mcpregistry.http.publication.PublicApi;
import com.mcpregistry.postgres.PoolSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Everything {@code serve} is configured with, read and checked once at start-up (SPEC §6). */
public record ServeSettings(
        PoolSettings database,
        EntraSettings identity,
        List<String> corsOrigins,
        int port,
        String logLevel,
        LogFormat logFormat,
        String environment,
        PublicApi publicApi,
        boolean metricsEnabled,
        Duration signInMemory,
        AuditProtection auditProtection) {

    /** The HTTP port when PORT is unset. */
    public static final int DEFAULT_PORT = 8080;

    /** How long a signed-in user is remembered (SIGN_IN_CACHE_SECONDS): see {@link RecentSignIns}. */
    public static final Duration DEFAULT_SIGN_IN_MEMORY = Duration.ofSeconds(5);

    /** How log lines are written: one JSON object a line, or readable text. */
    public enum LogFormat {
        JSON,
        TEXT
    }

    /** One setting as {@code serve --help} describes it. */
    record Described(String name, String defaultValue, String meaning) {}

    /** Every setting {@link #from} reads, with its default and meaning, in the order {@code serve --help} lists them. */
    static final List<Described> DESCRIBED = List.of(
            new Described(
                    "DATABASE_URL",
                    "required",
                    "jdbc:postgresql://host:5432/db?user=…&password=… or"
                            + " postgresql://user:pass@host:5432/db?sslmode=require (any PostgreSQL 14+)"),
            new Described("AZURE_TENANT_ID", "required", "the Entra ID tenant (GUID) whose tokens are accepted"),
            new Described(
                    "AZURE_CLIENT_ID", "required", "the registry API's application (client) id: the tokens' audience"),
            new Described(
                    "ENTRA_AUTHORITY",
                    EntraSettings.DEFAULT_AUTHORITY,
                    "sovereign clouds use theirs (e.g. https://login.microsoftonline.us)"),
            new Described(
                    "ENTRA_ADMIN_ROLE",
                    EntraSettings.DEFAULT_ADMIN_ROLE,
                    "app role that makes a caller an administrator"),
            new Described("ENTRA_ADMIN_GROUP_ID", "none", "group (object id) whose members are administrators"),
            new Described(
                    "ENTRA_REQUIRED_SCOPE", "none", "delegated scope user tokens must carry (e.g. access_as_user)"),
            new Described(
                    "ENTRA_EXTRA_AUDIENCES",
                    "none",
                    "further accepted audiences, comma-separated (e.g. api://mcp-registry)"),
            new Described("CORS_ORIGINS", "none", "browser origins allowed to call the registry API, comma-separated"),
            new Described("PORT", Integer.toString(DEFAULT_PORT), "HTTP port"),
            new Described("LOG_LEVEL", "info", "trace, debug, info, warn or error"),
            new Described(
                    "LOG_FORMAT",
                    "json",
                    "json (one JSON object per line: request id, method, route, status, duration, user oid; never"
                            + " tokens) or text"),
            new Described("ENVIRONMENT", "production", "a label for logs"),
            new Described(
                    "DB_POOL_MIN",
                    Integer.toString(PoolSettings.DEFAULT_MINIMUM_IDLE),
                    "connections the pool keeps open"),
            new Described(
                    "DB_POOL_MAX",
                    Integer.toString(PoolSettings.DEFAULT_MAXIMUM_POOL_SIZE),
                    "most connections; a request waits at most 5 s for one, then gets 503"),
            new Described(
                    "REGISTRY_PUBLIC_API",
                    "anonymous",
                    "who may read the MCP Registry API: anonymous, authenticated or off"),
            new Described("REGISTRY_METRICS", "on", "off removes /metrics"),
            new Described(
                    "SIGN_IN_CACHE_SECONDS",
                    Long.toString(DEFAULT_SIGN_IN_MEMORY.toSeconds()),
                    "how long an instance remembers a signed-in user (0-300); admin grant|revoke reaches running"
                            + " instances within this time"),
            new Described(
                    "MIGRATION_DATABASE_URL",
                    "DATABASE_URL",
                    "the database URL of the schema's owner, used only to migrate (at start-up and by migrate); the"
                            + " registry itself runs as DATABASE_URL's role, granted registry_runtime"),
            new Described(
                    "REQUIRE_LEAST_PRIVILEGE",
                    "false",
                    "true refuses to start when DATABASE_URL's role could get round the audit trail's guard (a"
                            + " superuser, the tables' owner or a member of it, CREATEROLE) or AUDIT_KEY is unset;"
                            + " false warns"),
            new Described(
                    "AUDIT_KEY",
                    "none",
                    "id:secret keying the audit chain (HMAC-SHA256), the secret base64 of at least 32 bytes, e.g."
                            + " k1:$(openssl rand -base64 32); kept outside the database. Unset: unkeyed, with a"
                            + " warning"),
            new Described(
                    "AUDIT_KEYS_PREVIOUS",
                    "none",
                    "earlier AUDIT_KEY values, comma-separated: they verify the events they hashed after a rotation"),
            new Described(
                    "AUDIT_CHECKPOINT_INTERVAL",
                    "1h",
                    "how often serve logs a signed audit checkpoint and updates the registry_audit_events metric"
                            + " (e.g. 15m, 1h, 1d); 0 or off: never"));

    /** The settings in {@code env}; every missing or invalid one is reported, all in one {@link ConfigurationError}. */
    public static ServeSettings from(Environment env) {
        SettingProblems problems = new SettingProblems();
        PoolSettings database = database(env, problems);
        EntraSettings identity = identity(env, problems);
        Integer port = problems.read("PORT", () -> env.integer("PORT", DEFAULT_PORT, 1, 65_535));
        String logLevel = problems.read("LOG_LEVEL", () -> logLevel(env));
        LogFormat logFormat =
                problems.read("LOG_FORMAT", () -> env.choice("LOG_FORMAT", LogFormat.class, LogFormat.JSON));
        PublicApi publicApi = problems.read(
                "REGISTRY_PUBLIC_API", () -> env.choice("REGISTRY_PUBLIC_API", PublicApi.class, PublicApi.ANONYMOUS));
        Integer signInSeconds = problems.read(
                "SIGN_IN_CACHE_SECONDS",
                () -> env.integer("SIGN_IN_CACHE_SECONDS", (int) DEFAULT_SIGN_IN_MEMORY.toSeconds(), 0, 300));
        AuditProtection auditProtection = auditProtection(env, problems);
        problems.throwIfAny();
        return new ServeSettings(
                database,
                identity,
                env.list("CORS_ORIGINS"),
                port,
                logLevel,
                logFormat,
                env.get("ENVIRONMENT").orElse("production"),
                publicApi,
                !env.get("REGISTRY_METRICS").map("off"::equalsIgnoreCase).orElse(false),
                Duration.ofSeconds(signInSeconds),
                auditProtection);
    }

    /**
     * Where PostgreSQL is, with a pool of {@code minimumIdle} to {@code maximumPoolSize} connections: for the
     * commands that need only the database. DB_POOL_MIN and DB_POOL_MAX are checked as {@code serve} checks them.
     */
    static PoolSettings database(Environment env, int minimumIdle, int maximumPoolSize) {
        SettingProblems problems = new SettingProblems();
        PoolSettings serving = database(env, problems);
        problems.throwIfAny();
        return PoolSettings.of(serving.jdbcUrl(), serving.username(), serving.password(), minimumIdle, maximumPoolSize);
    }

    /** DATABASE_URL and the pool size (DB_POOL_MIN / DB_POOL_MAX, 10 / 20); null when any of them has a problem. */
    private static PoolSettings database(Environment env, SettingProblems problems) {
        PoolSettings location =
                problems.read("DATABASE_URL", () -> PoolSettings.fromDatabaseUrl(env.require("DATABASE_URL")));
        Integer poolMin = problems.read(
                "DB_POOL_MIN", () -> env.integer("DB_POOL_MIN", PoolSettings.DEFAULT_MINIMUM_IDLE, 0, 500));
        Integer poolMax = problems.read(
                "DB_POOL_MAX", () -> env.integer("DB_POOL_MAX", PoolSettings.DEFAULT_MAXIMUM_POOL_SIZE, 1, 500));
        if (poolMin != null && poolMax != null && poolMin > poolMax) {
            problems.add("DB_POOL_MIN", "must not exceed DB_POOL_MAX (" + poolMax + ")");
            return null;
        }
        if (location == null || poolMin == null || poolMax == null) {
            return null;
        }
        return new PoolSettings(
                location.jdbcUrl(),
                location.username(),
                location.password(),
                poolMin,
                poolMax,
                PoolSettings.DEFAULT_CONNECTION_TIMEOUT);
    }

    /**
     * Where {@code migrate} applies the schema: MIGRATION_DATABASE_URL, the schema owner's, or DATABASE_URL when that
     * is unset; a pool of one or two connections.
     */
    static PoolSettings migrationDatabase(Environment env) {
        SettingProblems problems = new SettingProblems();
        Optional<PoolSettings> migration = problems.read("MIGRATION_DATABASE_URL", () -> migrationUrl(env));
        problems.throwIfAny();
        return migration.orElseGet(() -> database(env, 0, 2));
    }

    private static Optional<PoolSettings> migrationUrl(Environment env) {
        return env.get("MIGRATION_DATABASE_URL").map(url -> PoolSettings.fromDatabaseUrl(url, 0, 2));
    }

    /** AUDIT_KEY and AUDIT_KEYS_PREVIOUS, for the commands that read or write the audit trail. */
    static AuditKeys auditKeys(Environment env) {
        SettingProblems problems = new SettingProblems();
        AuditKeys keys = auditKeys(env, problems);
        problems.throwIfAny();
        return keys;
    }

    /** AUDIT_KEY (the current key, if any) and AUDIT_KEYS_PREVIOUS; null when any of them has a problem. */
    private static AuditKeys auditKeys(Environment env, SettingProblems problems) {
        Optional<AuditKey> current =
                problems.read("AUDIT_KEY", () -> env.get("AUDIT_KEY").map(AuditKey::parse));
        List<AuditKey> previous = problems.read(
                "AUDIT_KEYS_PREVIOUS",
                () -> env.list("AUDIT_KEYS_PREVIOUS").stream()
                        .map(AuditKey::parse)
                        .toList());
        if (current == null || previous == null) {
            return null;
        }
        return problems.read("AUDIT_KEYS_PREVIOUS", () -> AuditKeys.of(current, previous));
    }

    /** The audit trail's protection: its keys, checkpoints, the migrating role and the privilege check. */
    private static AuditProtection auditProtection(Environment env, SettingProblems problems) {
        AuditKeys keys = auditKeys(env, problems);
        Duration interval = problems.read(
                "AUDIT_CHECKPOINT_INTERVAL",
                () -> env.get("AUDIT_CHECKPOINT_INTERVAL")
                        .map(ServeSettings::interval)
                        .orElse(AuditProtection.DEFAULT_CHECKPOINT_INTERVAL));
        Optional<PoolSettings> migration = problems.read("MIGRATION_DATABASE_URL", () -> migrationUrl(env));
        Boolean leastPrivilege = problems.read(
                "REQUIRE_LEAST_PRIVILEGE",
                () -> trueOrFalse(env.get("REQUIRE_LEAST_PRIVILEGE").orElse("false")));
        if (Boolean.TRUE.equals(leastPrivilege)
                && keys != null
                && keys.current().isEmpty()) {
            problems.add(
                    "AUDIT_KEY",
                    "is required with REQUIRE_LEAST_PRIVILEGE=true: without it, whoever may insert into audit_log"
                            + " can append events that verify");
        }
        if (Stream.of(keys, interval, migration, leastPrivilege).anyMatch(Objects::isNull)) {
            return null;
        }
        return new AuditProtection(
                keys,
                interval,
                migration,
                leastPrivilege ? AuditProtection.PrivilegeCheck.REFUSE : AuditProtection.PrivilegeCheck.WARN);
    }

    private static final Pattern INTERVAL = Pattern.compile("([0-9]{1,9})([smhd])");

    /** {@code 0} or {@code off} (never), a number with s, m, h or d ({@code 15m}), or ISO-8601 ({@code PT1H}). */
    static Duration interval(String raw) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (value.equals("0") || value.equals("off")) {
            return Duration.ZERO;
        }
        Matcher simple = INTERVAL.matcher(value);
        Duration interval;
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            interval = switch (simple.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                interval = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "must be a duration such as 15m, 1h or 1d (or 0 or off for never), not '" + raw + "'");
            }
        }
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("must be at least 1s (or 0 or off for never), not '" + raw + "'");
        }
        return interval;
    }

    private static boolean trueOrFalse(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false, not '" + raw + "'");
        };
    }

    /** The Entra ID application whose tokens this registry accepts; null when any of its settings has a problem. */
    private static EntraSettings identity(Environment env, SettingProblems problems) {
        String tenant = problems.read("AZURE_TENANT_ID", () -> EntraSettings.guid(env.require("AZURE_TENANT_ID")));
        String client = problems.read("AZURE_CLIENT_ID", () -> EntraSettings.guid(env.require("AZURE_CLIENT_ID")));
        String authority = problems.read(
                "ENTRA_AUTHORITY",
                () -> EntraSettings.authority(env.get("ENTRA_AUTHORITY").orElse(EntraSettings.DEFAULT_AUTHORITY)));
        String adminRole = problems.read(
                "ENTRA_ADMIN_ROLE",
                () -> EntraSettings.claimValue(env.get("ENTRA_ADMIN_ROLE").orElse(EntraSettings.DEFAULT_ADMIN_ROLE)));
        Optional<String> adminGroup = problems.read(
                "ENTRA_ADMIN_GROUP_ID", () -> env.get("ENTRA_ADMIN_GROUP_ID").map(EntraSettings::guid));
        Optional<String> requiredScope = problems.read(
                "ENTRA_REQUIRED_SCOPE", () -> env.get("ENTRA_REQUIRED_SCOPE").map(EntraSettings::claimValue));
        Set<String> extraAudiences = problems.read(
                "ENTRA_EXTRA_AUDIENCES",
                () -> env.list("ENTRA_EXTRA_AUDIENCES").stream()
                        .map(EntraSettings::claimValue)
                        .collect(Collectors.toUnmodifiableSet()));
        if (Stream.of(tenant, client, authority, adminRole, adminGroup, requiredScope, extraAudiences)
                .anyMatch(Objects::isNull)) {
            return null;
        }
        return new EntraSettings(
                tenant,
                client,
                authority,
                adminRole,
                adminGroup,
                requiredScope,
                extraAudiences,
                EntraSettings.DEFAULT_CLOCK_SKEW,
                JwksPolicy.defaults(),
                EntraSettings.DEFAULT_VERIFICATION_CACHE_SIZE);
    }

    private static String logLevel(Environment env) {
        String level = env.get("LOG_LEVEL").orElse("INFO").toUpperCase(Locale.ROOT);
        if (!List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(level)) {
            throw new ConfigurationError("LOG_LEVEL", "must be one of trace, debug, info, warn, error");
        }
        return level;
    }
}
