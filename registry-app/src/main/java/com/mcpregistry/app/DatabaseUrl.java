package com.mcpregistry.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where PostgreSQL is: a JDBC URL ({@code jdbc:postgresql://host:5432/db?user=…}) or the libpq form
 * {@code postgresql://user:pass@host:port/db?sslmode=require} that Azure and most hosts hand out.
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {

    public static DatabaseUrl parse(String setting, String raw) {
        if (raw.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(raw, Optional.empty(), Optional.empty());
        }
        if (!(raw.startsWith("postgresql://") || raw.startsWith("postgres://"))) {
            throw new ConfigurationError(setting, "must start with jdbc:postgresql:, postgresql:// or postgres://");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new ConfigurationError(setting, "is not a valid URL (" + e.getReason() + ")");
        }
        if (uri.getHost() == null) {
            throw new ConfigurationError(setting, "must name a host");
        }
        String database = uri.getPath() == null || uri.getPath().length() <= 1
                ? "postgres"
                : uri.getPath().substring(1);
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + port + "/" + database + query;
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = Optional.of(decode(parts[0]));
            password = parts.length == 2 ? Optional.of(decode(parts[1])) : Optional.empty();
        }
        return new DatabaseUrl(jdbc, user, password);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** The URL without credentials, safe to print. */
    @Override
    public String toString() {
        return jdbcUrl.replaceAll("password=[^&]*", "password=***");
    }
}
