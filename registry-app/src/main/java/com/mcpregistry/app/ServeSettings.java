package com.mcpregistry.app;

import com.mcpregistry.domain.audit.AuditKey;
import com.mcpregistry.domain.audit.AuditKeys;
import com.mcpregistry.domain.checks.DriftAction;
import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.domain.serverjson.PackageRegistries;
import com.mcpregistry.domain.serverjson.PublishRules;
import com.mcpregistry.entra.EntraSettings;
import com.mcpregistry.entra.JwksPolicy;
import com.mcpregistry.http.api.CorsRule;
import com.mcpregistry.http.limits.TrustedProxies;
import com.mcpregistry.http.policy.PolicyAccess;
import com.mcpregistry.http.publication.PublicApi;
import com.mcpregistry.http.registration.ReviewPrecondition;
import com.mcpregistry.limits.LimitSettings;
import com.mcpregistry.limits.Quota;
import com.mcpregistry.limits.RateLimit;
import com.mcpregistry.limits.RateLimitPolicy;
import com.mcpregistry.mcp.egress.AddressGuard;
import com.mcpregistry.postgres.PoolSettings;
import com.mcpregistry.postgres.shared.SearchStatements;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
        ReviewPrecondition reviewPrecondition,
        NamespacePolicy namespacePolicy,
        PublishRules publishRules,
        LimitSettings limits,
        TrustedProxies trustedProxies,
        Duration searchTimeout,
        AuditProtection auditProtection,
        CheckSettings checks,
        PolicyAccess policyExport) {

    /** The HTTP port when PORT is unset. */
    public static final int DEFAULT_PORT = 8080;

    /** How long a signed-in user is remembered (SIGN_IN_CACHE_SECONDS): see {@link RecentSignIns}. */
    public static final Duration DEFAULT_SIGN_IN_MEMORY = Duration.ofSeconds(5);

    /** How long a search may run (SEARCH_TIMEOUT_MS) before it is cancelled and answered 503. */
    public static final Duration DEFAULT_SEARCH_TIMEOUT = SearchStatements.DEFAULT_TIMEOUT;

    /** How rate limits are switched on or off as a whole (RATE_LIMITS). */
    enum Switch {
        ON,
        OFF
    }

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
            new Described(
                    "ENTRA_PUBLISH_ROLE",
                    EntraSettings.DEFAULT_PUBLISH_ROLE,
                    "app role an app-only token (a service principal's, e.g. a CI pipeline's) must carry to call the"
                            + " registry (the admin role will do too); user tokens need their scope instead"),
            new Described("ENTRA_ADMIN_GROUP_ID", "none", "group (object id) whose members are administrators"),
            new Described(
                    "ENTRA_REQUIRED_SCOPE", "none", "delegated scope user tokens must carry (e.g. access_as_user)"),
            new Described(
                    "ENTRA_EXTRA_AUDIENCES",
                    "none",
                    "further accepted audiences, comma-separated (e.g. api://mcp-registry)"),
            new Described(
                    "CORS_ORIGINS",
                    "none",
                    "browser origins allowed to call the registry API, comma-separated (e.g."
                            + " https://portal.contoso.com; not * or null)"),
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
            new Described(
                    "POLICY_EXPORT",
                    "admin",
                    "who may export the client policies (GET /policy/{format}): admin, or anonymous (e.g. a device"
                            + " management job without a token)"),
            new Described("REGISTRY_METRICS", "on", "off removes /metrics"),
            new Described(
                    "SIGN_IN_CACHE_SECONDS",
                    Long.toString(DEFAULT_SIGN_IN_MEMORY.toSeconds()),
                    "how long an instance remembers a signed-in user (0-300); admin grant|revoke reaches running"
                            + " instances within this time"),
            new Described(
                    "REVIEW_PRECONDITION",
                    "required",
                    "required: an approval or rejection names the version it reviewed (If-Match or row_version),"
                            + " else 428; optional: as before, for old clients"),
            new Described(
                    "NAMESPACE_POLICY",
                    "open",
                    "open: anyone may submit the first version of a name no claim covers; claimed: only under a"
                            + " namespace claimed for them (administrators excepted); start-dev reads it too"),
            new Described(
                    PackageRegistries.SETTING,
                    "the official registries only",
                    "private mirrors packages may also come from, comma-separated type=url (npm, pypi, nuget, oci,"
                            + " mcpb), e.g. npm=https://artifactory.contoso.com/api/npm/npm-remote,"
                            + "pypi=https://nexus.contoso.com/repository/pypi; start-dev reads it too"),
            new Described(
                    "ALLOW_HTTP_REMOTES",
                    "false",
                    "true accepts remotes over plain http and on localhost (test registries); false: https only, as"
                            + " the official registry requires. start-dev: default true"),
            new Described(
                    "RATE_LIMITS",
                    "on",
                    "off switches every rate limit and quota below off (tests, benchmarks); start-dev reads it too"),
            new Described(
                    "RATE_LIMIT_WRITES",
                    LimitSettings.DEFAULT_WRITES.quota() + "/min",
                    "writes (POST, PATCH, DELETE) per signed-in user, as requests/window (e.g. 120/min, 5/s,"
                            + " 1000/h) or off"),
            new Described(
                    "RATE_LIMIT_ANONYMOUS_READS",
                    LimitSettings.DEFAULT_ANONYMOUS_READS.quota() + "/min",
                    "MCP Registry API reads without credentials per client address, or off"),
            new Described(
                    "RATE_LIMIT_FAILED_SIGN_INS",
                    LimitSettings.DEFAULT_FAILED_SIGN_INS.quota() + "/min",
                    "requests with refused credentials per client address (answered 429 instead of 401 past it),"
                            + " or off"),
            new Described(
                    "QUOTA_PENDING_PER_USER",
                    Long.toString(LimitSettings.DEFAULT_PENDING_PER_USER),
                    "registrations one user may have waiting for review at once, or off"),
            new Described(
                    "QUOTA_VERSIONS_PER_SERVER_PER_DAY",
                    Long.toString(LimitSettings.DEFAULT_VERSIONS_PER_SERVER_PER_DAY),
                    "versions of one server name that may be submitted within 24 hours, or off"),
            new Described(
                    "TRUSTED_PROXIES",
                    "none",
                    "load balancers and proxies (IP addresses or CIDR networks, comma-separated) whose"
                            + " X-Forwarded-For names the client that per-address limits count; without it the"
                            + " client is the TCP peer"),
            new Described(
                    "SEARCH_TIMEOUT_MS",
                    Long.toString(DEFAULT_SEARCH_TIMEOUT.toMillis()),
                    "how long one search may run in the database (100-60000) before it is cancelled and answered"
                            + " 503"),
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
                            + " (e.g. 15m, 1h, 1d); 0 or off: never"),
            new Described(
                    "PROBE_WORKERS",
                    Integer.toString(CheckSettings.DEFAULT_WORKERS),
                    "checks of registered remote servers this instance runs at once, taken from the schedule all"
                            + " instances share (0-64); 0: none (checks asked for with POST /registrations/{id}/checks"
                            + " still run); start-dev reads it too"),
            new Described(
                    "PROBE_INTERVAL",
                    "15m",
                    "how often the remotes of Approved and Deprecated versions are checked (e.g. 5m, 1h, PT30M; at"
                            + " least 10s), spread by a tenth either way, longer after failures; start-dev reads it"
                            + " too"),
            new Described(
                    "PROBE_ALLOWED_NETWORKS",
                    "none",
                    "networks (CIDRs, comma-separated, e.g. 10.20.0.0/16,fd00:1::/64) a check may connect to although"
                            + " they are not public: loopback, private, link-local… are refused otherwise; none: public"
                            + " addresses only. start-dev: default 127.0.0.0/8,::1/128"),
            new Described(
                    "DRIFT_ACTION",
                    "flag",
                    "what the registry does when an Approved version's tools change after its approval: flag"
                            + " (record and mark it) or deprecate (also deprecate it, the change as the reason);"
                            + " start-dev reads it too"));

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
        List<String> corsOrigins = problems.read(
                "CORS_ORIGINS",
                () -> env.list("CORS_ORIGINS").stream().map(CorsRule::origin).toList());
        Integer signInSeconds = problems.read(
                "SIGN_IN_CACHE_SECONDS",
                () -> env.integer("SIGN_IN_CACHE_SECONDS", (int) DEFAULT_SIGN_IN_MEMORY.toSeconds(), 0, 300));
        ReviewPrecondition reviewPrecondition = problems.read(
                "REVIEW_PRECONDITION",
                () -> env.choice("REVIEW_PRECONDITION", ReviewPrecondition.class, ReviewPrecondition.REQUIRED));
        NamespacePolicy namespacePolicy = problems.read("NAMESPACE_POLICY", () -> namespacePolicy(env));
        PublishRules publishRules = publishRules(env, false, problems);
        LimitSettings limits = limits(env, problems);
        TrustedProxies trustedProxies =
                problems.read("TRUSTED_PROXIES", () -> TrustedProxies.of(env.list("TRUSTED_PROXIES")));
        Integer searchMillis = problems.read(
                "SEARCH_TIMEOUT_MS",
                () -> env.integer("SEARCH_TIMEOUT_MS", (int) DEFAULT_SEARCH_TIMEOUT.toMillis(), 100, 60_000));
        AuditProtection auditProtection = auditProtection(env, problems);
        CheckSettings checks = checks(env, List.of(), problems);
        PolicyAccess policyExport = problems.read(
                "POLICY_EXPORT", () -> env.choice("POLICY_EXPORT", PolicyAccess.class, PolicyAccess.ADMIN));
        problems.throwIfAny();
        return new ServeSettings(
                database,
                identity,
                corsOrigins,
                port,
                logLevel,
                logFormat,
                env.get("ENVIRONMENT").orElse("production"),
                publicApi,
                !env.get("REGISTRY_METRICS").map("off"::equalsIgnoreCase).orElse(false),
                Duration.ofSeconds(signInSeconds),
                reviewPrecondition,
                namespacePolicy,
                publishRules,
                limits,
                trustedProxies,
                Duration.ofMillis(searchMillis),
                auditProtection,
                checks,
                policyExport);
    }

    /** Who may submit a new name no claim covers (NAMESPACE_POLICY): for {@code start-dev} too. */
    static NamespacePolicy namespacePolicy(Environment env) {
        return env.choice("NAMESPACE_POLICY", NamespacePolicy.class, NamespacePolicy.OPEN);
    }

    /**
     * What a new or changed server.json must satisfy (PACKAGE_REGISTRIES, ALLOW_HTTP_REMOTES), for {@code start-dev}
     * too, which allows plain-HTTP remotes unless told otherwise ({@code plainHttpByDefault}).
     */
    static PublishRules publishRules(Environment env, boolean plainHttpByDefault) {
        return SettingProblems.readAll(problems -> publishRules(env, plainHttpByDefault, problems));
    }

    /** The publish rules; null when PACKAGE_REGISTRIES or ALLOW_HTTP_REMOTES has a problem, each error noted. */
    private static PublishRules publishRules(Environment env, boolean plainHttpByDefault, SettingProblems problems) {
        PackageRegistries registries = null;
        try {
            registries =
                    PackageRegistries.parse(env.get(PackageRegistries.SETTING).orElse(""));
        } catch (InvalidInput e) {
            for (FieldError error : e.errors()) {
                problems.add(PackageRegistries.SETTING, error.message());
            }
        }
        Boolean plainHttp = problems.read(
                "ALLOW_HTTP_REMOTES",
                () -> env.get("ALLOW_HTTP_REMOTES")
                        .map(ServeSettings::trueOrFalse)
                        .orElse(plainHttpByDefault));
        return registries == null || plainHttp == null ? null : new PublishRules(registries, plainHttp);
    }

    /**
     * The rate limits and quotas (RATE_LIMITS, RATE_LIMIT_*, QUOTA_*), every one at its default unless set; none with
     * {@code RATE_LIMITS=off}. For {@code start-dev} too, which reads nothing else from the environment.
     */
    static LimitSettings limits(Environment env) {
        return SettingProblems.readAll(problems -> limits(env, problems));
    }

    private static LimitSettings limits(Environment env, SettingProblems problems) {
        Switch rateLimits = problems.read("RATE_LIMITS", () -> env.choice("RATE_LIMITS", Switch.class, Switch.ON));
        LimitSettings defaults = LimitSettings.defaults();
        Map<RateLimit, RateLimitPolicy> rates = new EnumMap<>(RateLimit.class);
        Map<RateLimit, String> rateSettings = Map.of(
                RateLimit.WRITES, "RATE_LIMIT_WRITES",
                RateLimit.ANONYMOUS_READS, "RATE_LIMIT_ANONYMOUS_READS",
                RateLimit.FAILED_SIGN_INS, "RATE_LIMIT_FAILED_SIGN_INS");
        rateSettings.forEach((limit, name) -> switchable(
                        env, problems, name, defaults.policy(limit), raw -> RateLimitPolicy.parse(limit, raw))
                .ifPresent(policy -> rates.put(limit, policy)));
        Map<Quota, Long> quotas = new EnumMap<>(Quota.class);
        Map<Quota, String> quotaSettings = Map.of(
                Quota.PENDING_PER_USER, "QUOTA_PENDING_PER_USER",
                Quota.VERSIONS_PER_SERVER_PER_DAY, "QUOTA_VERSIONS_PER_SERVER_PER_DAY");
        quotaSettings.forEach((quota, name) -> switchable(
                        env, problems, name, Optional.of(defaults.quota(quota).orElseThrow()), raw ->
                                (long) env.integer(name, 0, 1, 1_000_000))
                .ifPresent(value -> quotas.put(quota, value)));
        return rateLimits == Switch.OFF ? LimitSettings.off() : new LimitSettings(rates, quotas);
    }

    /**
     * A setting that may be {@code off}: empty then, {@code fallback} when unset, {@code parse}d otherwise; empty
     * after noting a problem with it.
     */
    private static <T> Optional<T> switchable(
            Environment env, SettingProblems problems, String name, Optional<T> fallback, Function<String, T> parse) {
        Optional<T> value = problems.read(
                name,
                () -> env.get(name)
                        .map(raw -> raw.equalsIgnoreCase("off") ? Optional.<T>empty() : Optional.of(parse.apply(raw)))
                        .orElse(fallback));
        return value == null ? Optional.empty() : value;
    }

    /**
     * How remote servers are checked (PROBE_WORKERS, PROBE_INTERVAL, PROBE_ALLOWED_NETWORKS, DRIFT_ACTION), reaching
     * {@code defaultNetworks} unless PROBE_ALLOWED_NETWORKS says otherwise: for {@code start-dev} too, which allows
     * loopback.
     */
    static CheckSettings checks(Environment env, List<String> defaultNetworks) {
        return SettingProblems.readAll(problems -> checks(env, defaultNetworks, problems));
    }

    /** The check settings; null when any of them has a problem, each noted. */
    private static CheckSettings checks(Environment env, List<String> defaultNetworks, SettingProblems problems) {
        Integer workers = problems.read(
                "PROBE_WORKERS", () -> env.integer("PROBE_WORKERS", CheckSettings.DEFAULT_WORKERS, 0, 64));
        Duration interval = problems.read(
                "PROBE_INTERVAL",
                () -> env.get("PROBE_INTERVAL")
                        .map(raw -> duration(raw, MIN_PROBE_INTERVAL))
                        .orElse(CheckSettings.DEFAULT_INTERVAL));
        List<String> networks = problems.read("PROBE_ALLOWED_NETWORKS", () -> allowedNetworks(env, defaultNetworks));
        DriftAction driftAction =
                problems.read("DRIFT_ACTION", () -> env.choice("DRIFT_ACTION", DriftAction.class, DriftAction.FLAG));
        if (Stream.of(workers, interval, networks, driftAction).anyMatch(Objects::isNull)) {
            return null;
        }
        return new CheckSettings(workers, interval, networks, driftAction);
    }

    /** PROBE_ALLOWED_NETWORKS: {@code none}, or CIDRs each of which must be a network. */
    private static List<String> allowedNetworks(Environment env, List<String> defaultNetworks) {
        if (env.get("PROBE_ALLOWED_NETWORKS").map("none"::equalsIgnoreCase).orElse(false)) {
            return List.of();
        }
        List<String> networks =
                env.get("PROBE_ALLOWED_NETWORKS").isPresent() ? env.list("PROBE_ALLOWED_NETWORKS") : defaultNetworks;
        new AddressGuard(networks);
        return networks;
    }

    /**
     * Where PostgreSQL is, with a pool of {@code minimumIdle} to {@code maximumPoolSize} connections: for the
     * commands that need only the database. DB_POOL_MIN and DB_POOL_MAX are checked as {@code serve} checks them.
     */
    static PoolSettings database(Environment env, int minimumIdle, int maximumPoolSize) {
        PoolSettings serving = SettingProblems.readAll(problems -> database(env, problems));
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
        Optional<PoolSettings> migration =
                SettingProblems.readAll(problems -> problems.read("MIGRATION_DATABASE_URL", () -> migrationUrl(env)));
        return migration.orElseGet(() -> database(env, 0, 2));
    }

    private static Optional<PoolSettings> migrationUrl(Environment env) {
        return env.get("MIGRATION_DATABASE_URL").map(url -> PoolSettings.fromDatabaseUrl(url, 0, 2));
    }

    /** AUDIT_KEY and AUDIT_KEYS_PREVIOUS, for the commands that read or write the audit trail. */
    static AuditKeys auditKeys(Environment env) {
        return SettingProblems.readAll(problems -> auditKeys(env, problems));
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

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})([smhd])");
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    /** Checking a server more often than this is load on it, not information. */
    private static final Duration MIN_PROBE_INTERVAL = Duration.ofSeconds(10);

    /** {@code 0} or {@code off} (never), or a {@link #duration} of at least 1s. */
    static Duration interval(String raw) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (value.equals("0") || value.equals("off")) {
            return Duration.ZERO;
        }
        return duration(raw, MIN_INTERVAL, " (or 0 or off for never)");
    }

    /** A number with s, m, h or d ({@code 15m}), or ISO-8601 ({@code PT1H}), of at least {@code minimum}. */
    static Duration duration(String raw, Duration minimum) {
        return duration(raw, minimum, "");
    }

    /** {@link #duration(String, Duration)}, its problems naming the {@code otherValues} a setting also takes. */
    private static Duration duration(String raw, Duration minimum, String otherValues) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        Matcher simple = DURATION.matcher(value);
        Duration duration;
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            duration = switch (simple.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "must be a duration such as 15m, 1h or 1d" + otherValues + ", not '" + raw + "'");
            }
        }
        if (duration.compareTo(minimum) < 0) {
            throw new IllegalArgumentException(
                    "must be at least " + describe(minimum) + otherValues + ", not '" + raw + "'");
        }
        return duration;
    }

    private static String describe(Duration duration) {
        return duration.toSecondsPart() == 0 && duration.toMinutes() > 0
                ? duration.toMinutes() + "m"
                : duration.toSeconds() + "s";
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
        String publishRole = problems.read(
                "ENTRA_PUBLISH_ROLE",
                () -> EntraSettings.claimValue(
                        env.get("ENTRA_PUBLISH_ROLE").orElse(EntraSettings.DEFAULT_PUBLISH_ROLE)));
        Optional<String> adminGroup = problems.read(
                "ENTRA_ADMIN_GROUP_ID", () -> env.get("ENTRA_ADMIN_GROUP_ID").map(EntraSettings::guid));
        Optional<String> requiredScope = problems.read(
                "ENTRA_REQUIRED_SCOPE", () -> env.get("ENTRA_REQUIRED_SCOPE").map(EntraSettings::claimValue));
        Set<String> extraAudiences = problems.read(
                "ENTRA_EXTRA_AUDIENCES",
                () -> env.list("ENTRA_EXTRA_AUDIENCES").stream()
                        .map(EntraSettings::claimValue)
                        .collect(Collectors.toUnmodifiableSet()));
        if (Stream.of(tenant, client, authority, adminRole, publishRole, adminGroup, requiredScope, extraAudiences)
                .anyMatch(Objects::isNull)) {
            return null;
        }
        return new EntraSettings(
                tenant,
                client,
                authority,
                adminRole,
                publishRole,
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
