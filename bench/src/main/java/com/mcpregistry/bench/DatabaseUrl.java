package com.mcpregistry.bench;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A PostgreSQL URL as libpq reads it ({@code postgresql://user:password@host:port/db?…}), which psql and pgbench
 * take as it is, and the same server and database for JDBC. Given as {@code jdbc:postgresql://…?user=…&password=…},
 * the URL loses its {@code jdbc:}: libpq reads the query parameters too.
 */
record DatabaseUrl(String libpq) {

    DatabaseUrl {
        if (!libpq.startsWith("postgresql://") && !libpq.startsWith("postgres://")) {
            throw new IllegalArgumentException(
                    "the database URL must start with jdbc:postgresql://, postgresql:// or" + " postgres://");
        }
    }

    static DatabaseUrl parse(String given) {
        return new DatabaseUrl(given.startsWith("jdbc:") ? given.substring("jdbc:".length()) : given);
    }

    /** The same server, the named database. */
    DatabaseUrl withDatabase(String database) {
        return new DatabaseUrl(libpq.replaceFirst("^(postgres(?:ql)?://[^/?]*)(/[^?]*)?", "$1/" + database));
    }

    /** The JDBC URL: the same without the user and password, which {@link #jdbcProperties()} carries. */
    String jdbc() {
        URI uri = uri();
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(uri.getRawAuthority());
        int at = url.indexOf("@");
        if (at >= 0) {
            url.delete("jdbc:postgresql://".length(), at + 1);
        }
        url.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            url.append('?').append(uri.getRawQuery());
        }
        return url.toString();
    }

    Properties jdbcProperties() {
        Properties properties = new Properties();
        String userInfo = uri().getRawUserInfo();
        if (userInfo != null) {
            String[] parts = userInfo.split(":", 2);
            properties.setProperty("user", URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
            if (parts.length > 1) {
                properties.setProperty("password", URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return properties;
    }

    private URI uri() {
        try {
            return new URI(libpq);
        } catch (URISyntaxException e) {
            // The message would echo the URL, password included.
            throw new IllegalArgumentException("the database URL is not a valid URL");
        }
    }

    /** Never the password. */
    @Override
    public String toString() {
        return libpq.replaceFirst("://([^:@/]*):[^@/]*@", "://$1:***@").replaceAll("password=[^&]*", "password=***");
    }
}
