package com.mcpregistry.postgres;

import com.mcpregistry.domain.error.Unavailable;
import com.mcpregistry.postgres.shared.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.GlobalConfiguration;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies the schema's Liquibase changelog (from the {@code schema} module) to a database. Several instances may
 * start at once on one database: the whole run holds a PostgreSQL session advisory lock, and
 * liquibase-sessionlock (found on the class path) makes Liquibase's own lock a session advisory lock instead of a
 * row in DATABASECHANGELOGLOCK. One instance migrates, the others wait and then find nothing to do, and a killed
 * instance's locks go away with its connection.
 */
public final class SchemaMigrator {

    public static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    /** A single bigint key; Liquibase's session lock and the audit chain's lock use other keys. */
    static final long MIGRATION_LOCK = 0x6d63702d6d696772L; // "mcp-migr"

    /** As long as Liquibase itself waits for its lock by default. */
    private static final Duration LOCK_WAIT = Duration.ofMinutes(5);

    private final DataSource dataSource;

    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Brings the schema up to date; does nothing when it is, which one query tells ({@link CurrentSchema}) without
     * Liquibase.
     */
    public void migrate() {
        try {
            if (!isCurrent()) {
                Scope.child(liquibaseSettings(), this::update);
            }
        } catch (Exception e) {
            IllegalStateException failure =
                    new IllegalStateException("the schema migration failed: " + e.getMessage(), e);
            if (SqlErrors.translate(failure) instanceof Unavailable unavailable) {
                throw unavailable;
            }
            throw failure;
        }
    }

    private static Map<String, Object> liquibaseSettings() {
        return Map.of(
                Scope.Attr.resourceAccessor.name(),
                new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()),
                // Report through the log, not on standard output.
                Scope.Attr.ui.name(),
                new LoggerUIService(),
                // No calls home from a registry that may run where nothing may leave the network.
                "liquibase.analytics.enabled",
                Boolean.FALSE,
                // Another instance migrating holds the lock for seconds at most: look again every second.
                GlobalConfiguration.CHANGELOGLOCK_POLL_RATE.getKey(),
                1L);
    }

    private boolean isCurrent() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return CurrentSchema.holds(connection);
        }
    }

    private void update() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            lock(connection);
            try {
                Database database =
                        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                        .execute();
            } finally {
                unlock(connection);
            }
        }
    }

    /**
     * Liquibase creates its DATABASECHANGELOG table before it takes its own lock, so instances starting together
     * on an empty database would race to create it. A session advisory lock around the whole run serialises
     * them; like liquibase-sessionlock's, it goes away with the session if the instance dies.
     */
    private static void lock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '" + LOCK_WAIT.toSeconds() + "s'");
            statement.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            statement.execute("RESET lock_timeout");
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
        }
    }
}
