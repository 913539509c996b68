package com.mcpregistry.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What DATABASECHANGELOG holds once the schema is up to date: each changeset's id, author, file and checksum, as
 * Liquibase records them, kept beside the changelog ({@value #RESOURCE}; {@code CurrentSchemaTest} holds the two
 * equal). One query tells a schema that is up to date from one that needs Liquibase, so that an instance starting on
 * a current schema loads none of Liquibase. Anything else — a changeset missing, added by a newer release, or changed
 * — is not current, and Liquibase does what it always did, its checks included.
 */
final class CurrentSchema {

    static final String RESOURCE = "db/changelog/db.changelog-master.applied.tsv";

    static final String APPLIED = "SELECT id, author, filename, md5sum FROM databasechangelog ORDER BY orderexecuted";

    private CurrentSchema() {}

    /** Whether the database on {@code connection} has applied exactly the changelog's changesets, unchanged. */
    static boolean holds(Connection connection) {
        List<String> applied = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(APPLIED)) {
            while (rows.next()) {
                applied.add(line(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        } catch (SQLException noChangelogYet) {
            return false;
        } finally {
            rollBackIfInTransaction(connection);
        }
        return applied.equals(expected());
    }

    /** A changeset as {@value #RESOURCE} holds it: id, author, file and checksum, tab-separated. */
    static String line(String id, String author, String filename, String md5sum) {
        return String.join("\t", id, author, filename, Objects.toString(md5sum, ""));
    }

    /** The resource's lines, in the changelog's order. */
    static List<String> expected() {
        try (InputStream in = CurrentSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rollBackIfInTransaction(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            // The connection goes back to the pool, which resets or discards it.
        }
    }
}
