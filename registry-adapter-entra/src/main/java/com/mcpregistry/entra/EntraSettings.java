package com.mcpregistry.entra;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What an Entra ID access token for this API must look like: the tenant and the API's client id, the authority
 * that issues the tokens, who counts as administrator, and how keys and verification results are cached.
 *
 * <p>Tenant and client id are GUIDs (stored lower-case, as Entra writes them in {@code tid} and {@code aud});
 * the authority is an absolute https URL (http only on a loopback host, for tests), kept without a trailing slash.
 * Start from {@link #of(String, String)}, or set what differs from the defaults on a {@link #builder} and build once.
 *
 * @param tenantId the directory (tenant) id; tokens must carry it as {@code tid} and in {@code iss}
 * @param clientId the API's application (client) id; tokens must carry it as their only {@code aud}
 * @param authority e.g. {@code https://login.microsoftonline.com}; sovereign clouds and tests use another one
 * @param adminRole the app role that makes a caller administrator (default {@code Registry.Admin})
 * @param publishRole the app role an app-only token (a service principal's, as a CI pipeline gets with client
 *     credentials or workload identity federation) must carry to be a caller at all (default
 *     {@code Registry.Publish}); the admin role will do too. Entra ID issues app-only tokens for this API to any
 *     application of the tenant that asks, with no role unless one was assigned, so a role is what shows that the
 *     token is meant for the registry
 * @param adminGroupId the security group whose members are administrators, if any
 * @param requiredScope the delegated permission ({@code scp}) user tokens must carry, if any
 * @param extraAudiences audiences accepted besides the client id (e.g. the {@code api://…} application id URI)
 * @param clockSkew how far {@code exp} and {@code nbf} may be off; 0 to 60 seconds
 * @param jwks how the tenant's signing keys are cached and re-fetched
 * @param verificationCacheSize how many verification results are kept (by token hash, until {@code exp}); 0 turns
 *     the cache off
 */
public record EntraSettings(
        String tenantId,
        String clientId,
        String authority,
        String adminRole,
        String publishRole,
        Optional<String> adminGroupId,
        Optional<String> requiredScope,
        Set<String> extraAudiences,
        Duration clockSkew,
        JwksPolicy jwks,
        int verificationCacheSize) {

    public static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com";
    public static final String DEFAULT_ADMIN_ROLE = "Registry.Admin";
    public static final String DEFAULT_PUBLISH_ROLE = "Registry.Publish";
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final int DEFAULT_VERIFICATION_CACHE_SIZE = 10_000;

    private static final Pattern GUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern CLAIM_VALUE = Pattern.compile("^[\\x21-\\x7E]{1,256}$");

    public EntraSettings {
        tenantId = field("tenantId", EntraSettings::guid, tenantId);
        clientId = field("clientId", EntraSettings::guid, clientId);
        authority = field("authority", EntraSettings::authority, authority);
        adminRole = field("adminRole", EntraSettings::claimValue, adminRole);
        publishRole = field("publishRole", EntraSettings::claimValue, publishRole);
        adminGroupId = Objects.requireNonNull(adminGroupId, "adminGroupId")
                .map(id -> field("adminGroupId", EntraSettings::guid, id));
        requiredScope = Objects.requireNonNull(requiredScope, "requiredScope")
                .map(scope -> field("requiredScope", EntraSettings::claimValue, scope));
        extraAudiences = Set.copyOf(Objects.requireNonNull(extraAudiences, "extraAudiences"));
        extraAudiences.forEach(audience -> field("extraAudiences", EntraSettings::claimValue, audience));
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("clockSkew must be between 0 and 60 seconds");
        }
        Objects.requireNonNull(jwks, "jwks");
        if (verificationCacheSize < 0) {
            throw new IllegalArgumentException("verificationCacheSize must not be negative");
        }
    }

    /** Settings for one tenant and API with every default: Microsoft's global authority, {@code Registry.Admin}. */
    public static EntraSettings of(String tenantId, String clientId) {
        return builder(tenantId, clientId).build();
    }

    /** Settings for one tenant and API; every other value starts at its default until set. */
    public static Builder builder(String tenantId, String clientId) {
        return new Builder(tenantId, clientId);
    }

    /** Collects the settings of one tenant and API and builds them once; {@link #build} checks them all. */
    public static final class Builder {
        private final String tenantId;
        private final String clientId;
        private String authority = DEFAULT_AUTHORITY;
        private String adminRole = DEFAULT_ADMIN_ROLE;
        private String publishRole = DEFAULT_PUBLISH_ROLE;
        private Optional<String> adminGroupId = Optional.empty();
        private Optional<String> requiredScope = Optional.empty();
        private Set<String> extraAudiences = Set.of();
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private JwksPolicy jwks = JwksPolicy.defaults();
        private int verificationCacheSize = DEFAULT_VERIFICATION_CACHE_SIZE;

        private Builder(String tenantId, String clientId) {
            this.tenantId = tenantId;
            this.clientId = clientId;
        }

        public Builder authority(String value) {
            this.authority = value;
            return this;
        }

        public Builder adminRole(String value) {
            this.adminRole = value;
            return this;
        }

        /** The app role an app-only token must carry (or the admin role) to be a caller. */
        public Builder publishRole(String value) {
            this.publishRole = value;
            return this;
        }

        /** The group whose members are administrators; null for none. */
        public Builder adminGroupId(String value) {
            this.adminGroupId = Optional.ofNullable(value);
            return this;
        }

        /** The scope a delegated token must carry; null for none. */
        public Builder requiredScope(String value) {
            this.requiredScope = Optional.ofNullable(value);
            return this;
        }

        public Builder extraAudiences(Set<String> value) {
            this.extraAudiences = value;
            return this;
        }

        public Builder clockSkew(Duration value) {
            this.clockSkew = value;
            return this;
        }

        public Builder jwks(JwksPolicy value) {
            this.jwks = value;
            return this;
        }

        public Builder verificationCacheSize(int value) {
            this.verificationCacheSize = value;
            return this;
        }

        public EntraSettings build() {
            return new EntraSettings(
                    tenantId,
                    clientId,
                    authority,
                    adminRole,
                    publishRole,
                    adminGroupId,
                    requiredScope,
                    extraAudiences,
                    clockSkew,
                    jwks,
                    verificationCacheSize);
        }
    }

    /** The exact {@code iss} of this tenant's v2.0 access tokens. */
    public String issuer() {
        return authority + "/" + tenantId + "/v2.0";
    }

    /** Where this tenant publishes its signing keys. */
    public URI jwksUri() {
        return URI.create(authority + "/" + tenantId + "/discovery/v2.0/keys");
    }

    /** The client id and any configured extra audience. */
    public Set<String> acceptedAudiences() {
        return extraAudiences.isEmpty() ? Set.of(clientId) : union(clientId, extraAudiences);
    }

    private static Set<String> union(String first, Set<String> rest) {
        var all = new java.util.HashSet<>(rest);
        all.add(first);
        return Set.copyOf(all);
    }

    /**
     * A tenant, client or group id as Entra writes it (a GUID, lower-cased). Like {@link #claimValue(String)} and
     * {@link #authority(String)} it checks one value as the constructor does, with a message that names no field,
     * so that a caller names the value its own way (an environment variable, a property).
     */
    public static String guid(String value) {
        if (value == null || !GUID.matcher(value).matches()) {
            throw new IllegalArgumentException("must be a GUID such as " + new UUID(0, 0));
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** An app role, scope or audience: 1 to 256 printable characters, no spaces. */
    public static String claimValue(String value) {
        if (value == null || !CLAIM_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1 to 256 printable characters without spaces");
        }
        return value;
    }

    /** An absolute https URL (http only on a loopback host) without query or credentials, kept without a trailing /. */
    public static String authority(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("must be an absolute https URL");
        }
        String trimmed = value.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be an absolute https URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = isLoopback(uri.getHost());
        if (!(scheme.equals("https") || (scheme.equals("http") && loopback))
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "must be an absolute https URL (http only on a loopback host), without query or credentials");
        }
        return trimmed;
    }

    /** {@code check} applied to the field {@code name}, whose name starts any message. */
    private static String field(String name, UnaryOperator<String> check, String value) {
        try {
            return check.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " " + e.getMessage(), e);
        }
    }

    private static boolean isLoopback(String host) {
        return host != null
                && (host.equals("127.0.0.1")
                        || host.equalsIgnoreCase("localhost")
                        || host.equals("[::1]")
                        || host.startsWith("127."));
    }
}
