package com.mcpregistry.app;

import com.mcpregistry.postgres.PoolSettings;
import com.mcpregistry.postgres.PostgresPool;
import com.mcpregistry.postgres.SchemaMigrator;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Applies the schema to {@code DATABASE_URL} and exits. */
@Command(name = "migrate", description = "Apply the database schema (DATABASE_URL) and exit.")
final class MigrateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Logging.configure(ServeSettings.LogFormat.TEXT, "INFO");
        PoolSettings database = ServeSettings.database(Environment.ofProcess(), 0, 2);
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
