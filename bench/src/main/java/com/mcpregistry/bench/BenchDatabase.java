package com.mcpregistry.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The database {@code mcp_registry_bench} on the benchmark's server: made afresh, seeded, queried over JDBC. */
final class BenchDatabase {

    static final String NAME = "mcp_registry_bench";

    private final DatabaseUrl url;

    private BenchDatabase(DatabaseUrl url) {
        this.url = url;
    }

    /** Drops the database if it is there and creates it empty. */
    static BenchDatabase createOn(PostgresServer server) {
        execute(server.url(), "DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)", "CREATE DATABASE " + NAME);
        return new BenchDatabase(server.url().withDatabase(NAME));
    }

    DatabaseUrl url() {
        return url;
    }

    /**
     * Seeds with a script of bench/sql/ through psql, with psql's {@code variables} ({@code rows} for seed.sql):
     * the scripts use psql's variables and {@code \gexec}. Returns how long it took.
     */
    Duration seed(Path psql, Path script, Map<String, String> variables, Path log) {
        long start = System.nanoTime();
        List<String> arguments = new ArrayList<>(List.of(psql.toString(), url.libpq(), "-q", "-v", "ON_ERROR_STOP=1"));
        variables.forEach((name, value) -> arguments.addAll(List.of("-v", name + "=" + value)));
        arguments.addAll(List.of("-f", script.toString()));
        ExternalProgram.of(arguments).runOrFail(log, "seeding");
        return Duration.ofNanos(System.nanoTime() - start);
    }

    void execute(String... statements) {
        execute(url, statements);
    }

    /** The first column of each row, as text. */
    List<String> column(String sql, Object... parameters) {
        try (Connection connection = connect(url);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new BenchmarkFailure("query failed: " + e.getMessage() + " (" + sql + ")");
        }
    }

    /** The one value a query answers. */
    String value(String sql, Object... parameters) {
        List<String> values = column(sql, parameters);
        if (values.size() != 1 || values.get(0) == null) {
            throw new BenchmarkFailure("expected one value from " + sql + ", got " + values);
        }
        return values.get(0);
    }

    /** A connection of its own, for a measurement that polls: one connection rather than one per query. */
    Connection connection() throws SQLException {
        return connect(url);
    }

    private static void execute(DatabaseUrl url, String... statements) {
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new BenchmarkFailure(
                    "cannot run " + String.join("; ", statements) + " on " + url + ": " + e.getMessage());
        }
    }

    private static Connection connect(DatabaseUrl url) throws SQLException {
        return DriverManager.getConnection(url.jdbc(), url.jdbcProperties());
    }
}
