package com.mcpregistry.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Creates the Hikari connection pool the registry's one {@code Jdbi} runs on. */
public final class PostgresPool {

    private PostgresPool() {}

    /**
     * A pool that starts even while the database is down (connections are made when it is back) and makes a
     * caller wait at most the configured connection timeout, so that an outage answers fast instead of hanging.
     */
    public static HikariDataSource create(PoolSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("registry-db");
        config.setJdbcUrl(settings.jdbcUrl());
        settings.username().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMinimumIdle(settings.minimumIdle());
        config.setMaximumPoolSize(settings.maximumPoolSize());
        long timeoutMillis = settings.connectionTimeout().toMillis();
        config.setConnectionTimeout(timeoutMillis);
        config.setValidationTimeout(Math.max(250, timeoutMillis * 3 / 4));
        config.setInitializationFailTimeout(-1);
        // The driver's own connect timeout is in seconds; keep it within the pool's so attempts do not pile up.
        config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, (timeoutMillis + 999) / 1000)));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "mcp-registry");
        return new HikariDataSource(config);
    }
}
