package com.mcpregistry.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandArgumentDefinition;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.yaml.snakeyaml.Yaml;

/**
 * The Liquibase changelog as tests of upgrades use it: its changesets in order, a changeset's backfill exactly as it
 * stands there, and a database migrated up to a changeset, to store data as an earlier registry did.
 */
public final class Changelog {

    private Changelog() {}

    /** The ids of the changesets, in the order they apply. */
    public static List<String> changeSetIds() {
        return changeSets().stream()
                .map(changeSet -> (String) changeSet.get("id"))
                .toList();
    }

    /** The SQL of changeset {@code id}'s backfill: the change whose comment starts with "Backfill.". */
    @SuppressWarnings("unchecked")
    public static String backfill(String id) {
        Map<String, Object> changeSet = changeSets().stream()
                .filter(candidate -> id.equals(candidate.get("id")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the changelog has no changeset " + id));
        return ((List<Map<String, Object>>) changeSet.get("changes"))
                .stream()
                        .map(change -> (Map<String, Object>) change.get("sql"))
                        .filter(sql -> sql != null
                                && String.valueOf(sql.get("comment")).startsWith("Backfill."))
                        .map(sql -> (String) sql.get("sql"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("changeset " + id + " has no backfill"));
    }

    /**
     * Applies the changelog to {@code database} up to, not including, the changeset {@code id}: from an empty
     * database, or from one migrated up to an earlier changeset.
     */
    public static void migrateUpTo(TestDatabase database, String id) {
        int index = changeSetIds().indexOf(id);
        assertThat(index).as("changeset " + id + " is in the changelog").isPositive();
        migrateTo(database, index);
    }

    /** Applies the changelog to {@code database} up to and including the changeset {@code id}. */
    public static void migrateThrough(TestDatabase database, String id) {
        int index = changeSetIds().indexOf(id);
        assertThat(index).as("changeset " + id + " is in the changelog").isPositive();
        migrateTo(database, index + 1);
    }

    /** Applies the changelog's changesets to {@code database} until it holds the first {@code changeSets}. */
    private static void migrateTo(TestDatabase database, int changeSets) {
        int count = changeSets - applied(database);
        assertThat(count).as("changesets to apply").isNotNegative();
        run(database, UpdateCountCommandStep.COMMAND_NAME, UpdateCountCommandStep.COUNT_ARG, count);
    }

    /** Rolls the last {@code count} changesets of {@code database} back, by their rollbacks in the changelog. */
    public static void rollBack(TestDatabase database, int count) {
        run(database, RollbackCountCommandStep.COMMAND_NAME, RollbackCountCommandStep.COUNT_ARG, count);
    }

    /** Rolls the changesets of a fully migrated {@code database} back, the last first, down to {@code id} with it. */
    public static void rollBackThrough(TestDatabase database, String id) {
        List<String> ids = changeSetIds();
        assertThat(ids).as("changeset " + id + " is in the changelog").contains(id);
        rollBack(database, ids.size() - ids.indexOf(id));
    }

    /** Runs the Liquibase command {@code command} over {@code database} and the changelog. */
    private static void run(
            TestDatabase database, String[] command, CommandArgumentDefinition<Integer> countArgument, int count) {
        try {
            Scope.child(
                    Map.of(
                            Scope.Attr.resourceAccessor.name(),
                            new ClassLoaderResourceAccessor(Changelog.class.getClassLoader()),
                            "liquibase.analytics.enabled",
                            Boolean.FALSE),
                    () -> {
                        try (Connection connection =
                                database.unpooledDataSource().getConnection()) {
                            Database liquibase = DatabaseFactory.getInstance()
                                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                            new CommandScope(command)
                                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, liquibase)
                                    .addArgumentValue(
                                            DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, SchemaMigrator.CHANGELOG)
                                    .addArgumentValue(countArgument, count)
                                    .execute();
                        }
                    });
        } catch (Exception e) {
            throw new IllegalStateException(String.join(" ", command) + " " + count + " failed", e);
        }
    }

    /** How many changesets {@code database} holds. */
    private static int applied(TestDatabase database) {
        org.jdbi.v3.core.Jdbi jdbi = org.jdbi.v3.core.Jdbi.create(database.unpooledDataSource());
        return jdbi.withHandle(handle -> {
            boolean migrated = handle.createQuery("SELECT to_regclass('databasechangelog') IS NOT NULL")
                    .mapTo(Boolean.class)
                    .one();
            return migrated
                    ? handle.createQuery("SELECT count(*) FROM databasechangelog")
                            .mapTo(Integer.class)
                            .one()
                    : 0;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> changeSets() {
        try (InputStream in = Changelog.class.getClassLoader().getResourceAsStream(SchemaMigrator.CHANGELOG)) {
            Map<String, Object> changelog = new Yaml().load(in);
            return ((List<Map<String, Object>>) changelog.get("databaseChangeLog"))
                    .stream()
                            .map(entry -> (Map<String, Object>) entry.get("changeSet"))
                            .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
