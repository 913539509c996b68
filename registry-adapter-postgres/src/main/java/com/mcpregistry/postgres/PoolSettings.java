package com.mcpregistry.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;
import org.postgresql.Driver;

/**
 * How to reach PostgreSQL and how large the connection pool is. A caller waits at most {@code connectionTimeout}
 * for a connection, so that a database outage is reported within that time instead of hanging requests.
 */
public record PoolSettings(
        String jdbcUrl,
        Optional<String> username,
        Optional<String> password,
        int minimumIdle,
        int maximumPoolSize,
        Duration connectionTimeout) {

    public static final int DEFAULT_MINIMUM_IDLE = 10;
    public static final int DEFAULT_MAXIMUM_POOL_SIZE = 20;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    /** Hikari refuses anything shorter. */
    private static final Duration SHORTEST_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    public PoolSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the database URL must be a jdbc:postgresql: URL");
        }
        if (maximumPoolSize < 1 || minimumIdle < 0 || minimumIdle > maximumPoolSize) {
            throw new IllegalArgumentException("the pool needs 0 <= minimum (" + minimumIdle + ") <= maximum ("
                    + maximumPoolSize + ") and a maximum of at least 1");
        }
        if (connectionTimeout.compareTo(SHORTEST_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("the connection timeout must be at least 250 ms");
        }
    }

    /** Settings for a JDBC URL with the default pool: 10 to 20 connections, 5 s to get one. */
    public static PoolSettings of(String jdbcUrl, Optional<String> username, Optional<String> password) {
        return new PoolSettings(
                jdbcUrl,
                username,
                password,
                DEFAULT_MINIMUM_IDLE,
                DEFAULT_MAXIMUM_POOL_SIZE,
                DEFAULT_CONNECTION_TIMEOUT);
    }

    /** A pool of {@code minimumIdle} to {@code maximumPoolSize} connections to {@code jdbcUrl}. */
    public static PoolSettings of(
            String jdbcUrl,
            Optional<String> username,
            Optional<String> password,
            int minimumIdle,
            int maximumPoolSize) {
        return new PoolSettings(jdbcUrl, username, password, minimumIdle, maximumPoolSize, DEFAULT_CONNECTION_TIMEOUT);
    }

    /** {@link #fromDatabaseUrl(String)} with a pool of {@code minimumIdle} to {@code maximumPoolSize} connections. */
    public static PoolSettings fromDatabaseUrl(String databaseUrl, int minimumIdle, int maximumPoolSize) {
        PoolSettings location = fromDatabaseUrl(databaseUrl);
        return of(location.jdbcUrl(), location.username(), location.password(), minimumIdle, maximumPoolSize);
    }

    /**
     * Settings for a {@code DATABASE_URL}: either a JDBC URL ({@code jdbc:postgresql://host/db?user=…}) or the
     * libpq form {@code postgresql://user:password@host:port/db?sslmode=require} that cloud consoles hand out.
     * A user or password in the URL's query is passed to the driver as a property, never left in the URL.
     */
    public static PoolSettings fromDatabaseUrl(String databaseUrl) {
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        if (databaseUrl.startsWith("jdbc:")) {
            return withCredentialsAsProperties(databaseUrl, Optional.empty(), Optional.empty());
        }
        URI uri;
        try {
            uri = new URI(databaseUrl);
        } catch (URISyntaxException e) {
            // The message would echo the URL, password included.
            throw new IllegalArgumentException("the database URL is not a valid URL");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("");
        if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
            throw new IllegalArgumentException(
                    "the database URL must start with jdbc:postgresql:, postgresql: or postgres:");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the database URL must name a host");
        }
        String database = Optional.ofNullable(uri.getRawPath()).orElse("").replaceFirst("^/", "");
        StringBuilder jdbcUrl = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() != -1) {
            jdbcUrl.append(':').append(uri.getPort());
        }
        jdbcUrl.append('/').append(database);
        if (uri.getRawQuery() != null) {
            jdbcUrl.append('?').append(uri.getRawQuery());
        }
        Optional<String> username = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            username = Optional.of(decode(parts[0]));
            password = parts.length > 1 ? Optional.of(decode(parts[1])) : Optional.empty();
        }
        return withCredentialsAsProperties(jdbcUrl.toString(), username, password);
    }

    /**
     * Settings whose JDBC URL carries no {@code user} or {@code password} parameter: those move to the settings'
     * username and password, which the pool hands the driver as properties. The driver logs the URL it connects
     * with (at debug), so a password left in it would reach the log.
     */
    private static PoolSettings withCredentialsAsProperties(
            String jdbcUrl, Optional<String> username, Optional<String> password) {
        int query = jdbcUrl.indexOf('?');
        Properties parsed = Driver.parseURL(jdbcUrl, new Properties());
        if (query < 0 || parsed == null) {
            return of(jdbcUrl, username, password);
        }
        // The values as the driver itself decodes them.
        username = username.or(() -> Optional.ofNullable(parsed.getProperty("user")));
        password = password.or(() -> Optional.ofNullable(parsed.getProperty("password")));
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : jdbcUrl.substring(query + 1).split("&")) {
            String name = parameter.split("=", 2)[0];
            if (!parameter.isEmpty() && !name.equals("user") && !name.equals("password")) {
                kept.add(parameter);
            }
        }
        String withoutCredentials = jdbcUrl.substring(0, query) + (kept.length() == 0 ? "" : "?" + kept);
        return of(withoutCredentials, username, password);
    }

    /**
     * Where the database is, for messages: {@code host H, port P, database D}, as the driver reads the URL (its
     * defaults included). Never the user's password.
     */
    public String location() {
        Properties parsed = Driver.parseURL(jdbcUrl, new Properties());
        if (parsed == null) {
            return "(an unreadable JDBC URL)";
        }
        return "host " + parsed.getProperty("PGHOST") + ", port " + parsed.getProperty("PGPORT") + ", database "
                + parsed.getProperty("PGDBNAME");
    }

    /** Never shows the password, which may also sit in the URL's query. */
    @Override
    public String toString() {
        return "PoolSettings[jdbcUrl=" + jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***") + ", username="
                + username.orElse("(from URL)") + ", password="
                + password.map(p -> "***").orElse("(from URL)")
                + ", minimumIdle=" + minimumIdle + ", maximumPoolSize=" + maximumPoolSize + ", connectionTimeout="
                + connectionTimeout + "]";
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
