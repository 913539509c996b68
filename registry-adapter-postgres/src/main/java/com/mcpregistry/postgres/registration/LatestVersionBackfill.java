package com.mcpregistry.postgres.registration;

import com.mcpregistry.domain.registration.VersionOrder;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.publication.LatestVersion;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liquibase.change.custom.CustomTaskChange;
import liquibase.change.custom.CustomTaskRollback;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Changeset 022: a deprecated version may be its server's latest now, as in the official registry ({@link
 * LatestVersion}); before, the latest was the highest Approved version. Only servers with a deprecated version that
 * is not deleted can have another latest version under the new rule: theirs is chosen again here, with the Java rule
 * the registration service applies from then on, and flipped with its statements, so that a reader syncing with
 * {@code updated_since} sees the change.
 */
public final class LatestVersionBackfill implements CustomTaskChange, CustomTaskRollback {

    /** The published versions, not deleted, of every server with a deprecated version that is not deleted. */
    private static final String VERSIONS = "SELECT id, server_name, version, published_at, status FROM registrations"
            + " WHERE published_at IS NOT NULL AND deleted_at IS NULL AND server_name IN"
            + " (SELECT server_name FROM registrations WHERE status = 'Deprecated' AND deleted_at IS NULL)";

    private record Candidate(UUID id, String serverName, Version version, Instant publishedAt, boolean approved) {}

    private String confirmation = "latest versions chosen again";

    @Override
    public void execute(Database database) throws CustomChangeException {
        choose(database, false);
    }

    /** Rolled back: the latest of the Approved versions, as before the changeset (none when all are deprecated). */
    @Override
    public void rollback(Database database) throws CustomChangeException {
        choose(database, true);
    }

    private void choose(Database database, boolean approvedOnly) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try {
            Map<String, List<Candidate>> byServer = new LinkedHashMap<>();
            try (Statement read = connection.createStatement();
                    ResultSet rows = read.executeQuery(VERSIONS)) {
                while (rows.next()) {
                    Candidate candidate = new Candidate(
                            rows.getObject("id", UUID.class),
                            rows.getString("server_name"),
                            new Version(rows.getString("version")),
                            rows.getObject("published_at", OffsetDateTime.class).toInstant(),
                            rows.getString("status").equals("Approved"));
                    byServer.computeIfAbsent(candidate.serverName(), name -> new ArrayList<>())
                            .add(candidate);
                }
            }
            // The handle runs in the migration's transaction on Liquibase's connection, which stays Liquibase's.
            Handle handle = Jdbi.open(connection);
            OffsetDateTime now = OffsetDateTime.now();
            int changed = 0;
            for (List<Candidate> versions : byServer.values()) {
                UUID latest = LatestVersion.of(
                                versions.stream()
                                        .filter(candidate -> candidate.approved() || !approvedOnly)
                                        .toList(),
                                candidate -> new VersionOrder.Published(candidate.version(), candidate.publishedAt()),
                                Candidate::id)
                        .map(Candidate::id)
                        .orElse(null);
                changed += handle.createUpdate(JdbiPublishedServers.CLEAR_LATEST)
                        .bind("server_name", versions.get(0).serverName())
                        .bindByType("latest", latest, UUID.class)
                        .bind("at", now)
                        .execute();
                if (latest != null) {
                    changed += handle.createUpdate(JdbiPublishedServers.SET_LATEST)
                            .bind("latest", latest)
                            .bind("at", now)
                            .execute();
                }
            }
            confirmation = "latest versions chosen again for the " + byServer.size()
                    + " servers with a deprecated version; " + changed + " flags changed";
        } catch (SQLException | RuntimeException e) {
            throw new CustomChangeException("cannot choose the latest versions again", e);
        }
    }

    @Override
    public String getConfirmationMessage() {
        return confirmation;
    }

    @Override
    public void setUp() {}

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {}

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
