package com.mcpregistry.postgres.registration;

import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.NormalizedEndpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Changeset 013: fills {@code registrations.endpoint_url_normalized} for the registrations stored before it, with
 * the one normalisation the registry compares endpoints by ({@link NormalizedEndpoint}, which SQL could only
 * approximate). Each distinct endpoint is normalised once, then every row is updated in one statement.
 *
 * <p>Registrations of different servers whose endpoints were spelt differently but are one endpoint normalised
 * could be stored before; the new exclusion constraint would refuse them. The server that registered the endpoint
 * first keeps it; the others' rows are kept as they are, under a key no endpoint can have (a normalised URL has no
 * space), and listed in the migration's log. Such a server cannot submit new versions at that endpoint; its stored
 * versions can still be reviewed, deprecated and deleted.
 */
public final class NormalizedEndpointBackfill implements CustomTaskChange {

    /** What separates a kept-apart key from the endpoint it keeps apart: {@code <endpoint> kept apart … <server>}. */
    static final String KEPT_APART = " kept apart by changeset 013 for ";

    private static final int BATCH = 1_000;
    private static final int LISTED = 20;

    private String confirmation = "endpoint_url_normalized filled";

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try {
            int endpoints = normalizeEach(connection);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE registrations r SET endpoint_url_normalized = n.normalized"
                        + " FROM endpoint_normalized n WHERE n.endpoint_url = r.endpoint_url");
            }
            List<String> keptApart = keepApartLaterClaims(connection);
            confirmation = "endpoint_url_normalized filled for " + endpoints + " distinct endpoint URLs"
                    + (keptApart.isEmpty()
                            ? ""
                            : "; " + keptApart.size() + " registrations use an endpoint another server registered"
                                    + " first (spelt differently): kept, but their servers cannot submit new"
                                    + " versions there: "
                                    + String.join(", ", keptApart.subList(0, Math.min(LISTED, keptApart.size())))
                                    + (keptApart.size() > LISTED ? ", …" : ""));
        } catch (SQLException e) {
            throw new CustomChangeException("cannot fill endpoint_url_normalized", e);
        }
    }

    /** Fills a temporary table with each distinct endpoint and its normalised form; returns how many there are. */
    private static int normalizeEach(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE endpoint_normalized (endpoint_url text PRIMARY KEY,"
                    + " normalized text NOT NULL) ON COMMIT DROP");
        }
        int count = 0;
        try (Statement read = connection.createStatement();
                PreparedStatement write =
                        connection.prepareStatement("INSERT INTO endpoint_normalized VALUES (?, ?)")) {
            read.setFetchSize(BATCH);
            try (ResultSet rows = read.executeQuery("SELECT DISTINCT endpoint_url FROM registrations")) {
                while (rows.next()) {
                    String endpoint = rows.getString(1);
                    write.setString(1, endpoint);
                    write.setString(2, normalized(endpoint));
                    write.addBatch();
                    if (++count % BATCH == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        return count;
    }

    /** A stored endpoint the registry would not accept today (none is known) is compared as it is written. */
    private static String normalized(String endpoint) {
        try {
            return NormalizedEndpoint.of(new HttpUrl(endpoint)).value();
        } catch (InvalidInput e) {
            return endpoint;
        }
    }

    /**
     * Gives each live registration whose normalised endpoint a different server registered first a key of its own;
     * returns them as "id (server name, endpoint)".
     */
    private static List<String> keepApartLaterClaims(Connection connection) throws SQLException {
        List<String> keptApart = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("WITH first_owner AS ("
                        + " SELECT DISTINCT ON (endpoint_url_normalized) endpoint_url_normalized, server_name"
                        + " FROM registrations WHERE deleted_at IS NULL"
                        + " ORDER BY endpoint_url_normalized, created_at, id)"
                        + " UPDATE registrations r SET endpoint_url_normalized ="
                        + " r.endpoint_url_normalized || '" + KEPT_APART + "' || r.server_name"
                        + " FROM first_owner f WHERE r.deleted_at IS NULL"
                        + " AND r.endpoint_url_normalized = f.endpoint_url_normalized AND r.server_name <> f.server_name"
                        + " RETURNING r.id, r.server_name, r.endpoint_url")) {
            while (rows.next()) {
                keptApart.add(rows.getString(1) + " (" + rows.getString(2) + ", " + rows.getString(3) + ")");
            }
        }
        return keptApart;
    }

    @Override
    public String getConfirmationMessage() {
        return confirmation;
    }

    @Override
    public void setUp() {
        // Nothing to set up: the change has no parameters.
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
        // Reads no files.
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
