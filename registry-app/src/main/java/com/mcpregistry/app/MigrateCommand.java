package com.mcpregistry.app;

import com.mcpregistry.postgres.PoolSettings;
import com.mcpregistry.postgres.PostgresPool;
import com.mcpregistry.postgres.SchemaMigrator;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Applies the schema as its owner ({@code MIGRATION_DATABASE_URL}, else {@code DATABASE_URL}) and exits. */
@Command(
        name = "migrate",
        description = "Apply the database schema as its owner (MIGRATION_DATABASE_URL, else DATABASE_URL) and exit.")
final class MigrateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Logging.configure(ServeSettings.LogFormat.TEXT, "INFO");
        PoolSettings database = ServeSettings.migrationDatabase(Environment.ofProcess());
        try (HikariDataSource dataSource = PostgresPool.create(database)) {
            UnreachableDatabase.reporting(database, () -> {
                new SchemaMigrator(dataSource).migrate();
                return null;
            });
        }
        System.out.println("schema is up to date");
        return 0;
    }
}
