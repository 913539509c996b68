package com.mcpregistry.bench;

import com.mcpregistry.domain.checks.Health;
import com.mcpregistry.domain.checks.RegistrationHealth;
import com.mcpregistry.domain.checks.RemoteStatus;
import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.registration.Action;
import com.mcpregistry.domain.registration.Workflow;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.GroupId;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.http.publication.PublishedServerRoutes;
import com.mcpregistry.http.registration.RegistrationRoutes;
import com.mcpregistry.postgres.shared.Timestamps;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The floor's one Jetty handler (no framework, no authentication): the seed API's first page of a status
 * ({@code GET /registrations?status=…&limit=…}), one registration ({@code GET /registrations/{id}}) and the catalogue's
 * first page ({@code GET /v0.1/servers?limit=…}), each from the statements of its pgbench script run through JDBC in
 * the script's order on one pooled connection, each variable bound from the request or from the rows of the statement
 * before (as serve binds them: uuids, text, an int, uuid[] and varchar[] arrays), written by {@link FloorJson}. It
 * reads as the one user it is started for, who is not an administrator. What it leaves out of serve's work: the
 * token, the sign-in, rate limits, request ids and the request log, metrics, entity tags and CORS headers, query
 * validation beyond these three requests, and the owners a registration that is not published would need to be seen
 * (the benchmark's are published).
 */
final class FloorHandler extends Handler.Abstract {

    private static final String REGISTRATIONS = "/registrations";
    private static final String SERVERS = "/v0.1/servers";

    private final DataSource pool;
    private final UUID reader;
    private final Actor actor;
    private final Statements page;
    private final Statements one;
    private final Statements catalogue;

    /** {@code scripts}: bench/pgbench, whose list.sql, get.sql and servers.sql it runs. */
    FloorHandler(DataSource pool, Path scripts, UUID reader) throws IOException {
        this.pool = pool;
        this.reader = reader;
        this.actor = new Actor(new UserId(reader), false);
        this.page = Statements.of(PgbenchScript.read(scripts.resolve("list.sql")));
        this.one = Statements.of(PgbenchScript.read(scripts.resolve("get.sql")));
        this.catalogue = Statements.of(PgbenchScript.read(scripts.resolve("servers.sql")));
    }

    /**
     * A read script's statements: the first reads the registrations; then the one that binds {@code :server_names}
     * reads their servers' owners, and the one that binds {@code :ids} their remotes' statuses.
     */
    private record Statements(
            PgbenchScript.Statement registrations,
            Optional<PgbenchScript.Statement> owners,
            PgbenchScript.Statement statuses) {

        static Statements of(PgbenchScript script) {
            List<PgbenchScript.Statement> all = script.statements();
            Optional<PgbenchScript.Statement> owners = all.stream()
                    .filter(statement -> statement.variables().contains("server_names"))
                    .findFirst();
            PgbenchScript.Statement statuses = all.stream()
                    .filter(statement -> statement.variables().contains("ids"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("a read script binds :ids in one statement"));
            if (all.size() != (owners.isPresent() ? 3 : 2)) {
                throw new IllegalArgumentException("a read script is the registrations, their owners, their statuses");
            }
            return new Statements(all.get(0), owners, statuses);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        try {
            Optional<byte[]> body;
            if (!HttpMethod.GET.is(request.getMethod())) {
                body = Optional.empty();
            } else if (path.equals("/health/ready")) {
                response.setStatus(200);
                callback.succeeded();
                return true;
            } else if (path.equals(REGISTRATIONS)) {
                Fields query = Request.extractQueryParameters(request);
                body = Optional.of(
                        registrations(query.getValue("status"), limit(query, RegistrationRoutes.DEFAULT_LIMIT)));
            } else if (path.startsWith(REGISTRATIONS + "/")) {
                body = registration(path.substring(REGISTRATIONS.length() + 1));
            } else if (path.equals(SERVERS)) {
                body = Optional.of(
                        servers(limit(Request.extractQueryParameters(request), PublishedServerRoutes.DEFAULT_LIMIT)));
            } else {
                body = Optional.empty();
            }
            if (body.isEmpty()) {
                Response.writeError(request, response, callback, 404);
                return true;
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(body.get()), callback);
        } catch (Exception e) {
            System.err.println("floor: " + request.getMethod() + " " + request.getHttpURI() + " failed: " + e);
            Response.writeError(request, response, callback, 500, e.toString());
        }
        return true;
    }

    private byte[] registrations(String status, int limit) throws SQLException, IOException {
        if (status == null) {
            throw new IllegalArgumentException("the floor lists one status: ?status=…");
        }
        try (Connection connection = pool.getConnection()) {
            Map<String, Object> values = Map.of("user_id", reader, "status", status, "limit", limit + 1);
            List<StoredRegistration> fetched = query(
                    connection,
                    page.registrations(),
                    values,
                    rows -> StoredRegistration.read(rows, FloorJson.MAPPER, false));
            List<StoredRegistration> shown = fetched.subList(0, Math.min(limit, fetched.size()));
            Optional<String> next =
                    fetched.size() > limit ? Optional.of(shown.get(limit - 1).seedCursor()) : Optional.empty();
            return FloorJson.registrations(shown, can(connection, page, shown), health(connection, page, shown), next);
        }
    }

    private Optional<byte[]> registration(String rawId) throws SQLException, IOException {
        UUID id;
        try {
            id = UUID.fromString(rawId);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        try (Connection connection = pool.getConnection()) {
            List<StoredRegistration> found = query(
                    connection,
                    one.registrations(),
                    Map.of("id", id),
                    rows -> StoredRegistration.read(rows, FloorJson.MAPPER, false));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            StoredRegistration registration = found.get(0);
            // Published, or the reader's own; the owners another would need to be seen are not asked for.
            if (!RegistrationStatus.parse("status", registration.status()).isPublished()
                    && !registration.submitterId().equals(reader)) {
                return Optional.empty();
            }
            return Optional.of(FloorJson.registration(
                    registration,
                    can(connection, one, found).get(id),
                    health(connection, one, found).get(id)));
        }
    }

    private byte[] servers(int limit) throws SQLException, IOException {
        try (Connection connection = pool.getConnection()) {
            List<StoredRegistration> fetched = query(
                    connection,
                    catalogue.registrations(),
                    Map.of("limit", limit + 1),
                    rows -> StoredRegistration.read(rows, FloorJson.MAPPER, true));
            List<StoredRegistration> shown = fetched.subList(0, Math.min(limit, fetched.size()));
            Optional<String> next =
                    fetched.size() > limit ? Optional.of(shown.get(limit - 1).catalogueCursor()) : Optional.empty();
            return FloorJson.servers(shown, health(connection, catalogue, shown), next);
        }
    }

    /**
     * What the reader may do with each of {@code shown}: the workflow's table for its status, its server's owners
     * (the submitter where none are stored), as RegistrationService.actionsOpenTo asks it.
     */
    private Map<UUID, List<Action>> can(Connection connection, Statements script, List<StoredRegistration> shown)
            throws SQLException, IOException {
        if (shown.isEmpty()) {
            return Map.of();
        }
        Set<String> names = new LinkedHashSet<>();
        shown.forEach(registration -> names.add(registration.serverName()));
        Map<String, List<Owner>> stored = new HashMap<>();
        for (ServerOwner row : query(
                connection,
                script.owners().orElseThrow(),
                Map.of("server_names", connection.createArrayOf("varchar", names.toArray())),
                ServerOwner::read)) {
            stored.computeIfAbsent(row.serverName(), name -> new ArrayList<>()).add(row.owner());
        }
        Map<UUID, List<Action>> can = new HashMap<>();
        for (StoredRegistration registration : shown) {
            Owners owners = stored.containsKey(registration.serverName())
                    ? new Owners(stored.get(registration.serverName()))
                    : Owners.of(Owner.user(new UserId(registration.submitterId())));
            can.put(
                    registration.id(),
                    registration.deletedAt().isPresent()
                            ? List.of()
                            : Workflow.openTo(
                                    RegistrationStatus.parse("status", registration.status()), actor, owners));
        }
        return can;
    }

    /** How the remotes of each of {@code shown} answered the registry's checks, asked once for all of them. */
    private static Map<UUID, RegistrationHealth> health(
            Connection connection, Statements script, List<StoredRegistration> shown) throws SQLException, IOException {
        if (shown.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<RemoteStatus>> statuses = new LinkedHashMap<>();
        for (RemoteStatusRow row : query(
                connection,
                script.statuses(),
                Map.of(
                        "ids",
                        connection.createArrayOf(
                                "uuid",
                                shown.stream().map(StoredRegistration::id).toArray())),
                RemoteStatusRow::read)) {
            statuses.computeIfAbsent(row.registrationId(), id -> new ArrayList<>())
                    .add(row.status());
        }
        Map<UUID, RegistrationHealth> health = new HashMap<>();
        shown.forEach(registration -> health.put(registration.id(), registration.health(statuses)));
        return health;
    }

    /** A row of server_owners. */
    private record ServerOwner(String serverName, Owner owner) {
        static ServerOwner read(ResultSet rows) throws SQLException {
            UUID user = rows.getObject("user_id", UUID.class);
            return new ServerOwner(
                    rows.getString("server_name"),
                    user != null ? Owner.user(new UserId(user)) : Owner.group(new GroupId(rows.getString("group_id"))));
        }
    }

    /** A row of the statuses statement: one remote of a registration. */
    private record RemoteStatusRow(UUID registrationId, RemoteStatus status) {
        static RemoteStatusRow read(ResultSet rows) throws SQLException {
            return new RemoteStatusRow(
                    rows.getObject("registration_id", UUID.class),
                    new RemoteStatus(
                            rows.getString("remote_url"),
                            Health.parse("health", rows.getString("health")),
                            Timestamps.readOptional(rows, "last_checked_at"),
                            Optional.ofNullable(rows.getObject("last_latency_micros", Long.class))
                                    .map(micros -> Duration.of(micros, ChronoUnit.MICROS)),
                            rows.getBoolean("drifted")));
        }
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException, IOException;
    }

    /** Runs {@code statement} with each of its variables bound to its value in {@code values}. */
    private static <T> List<T> query(
            Connection connection, PgbenchScript.Statement statement, Map<String, Object> values, RowReader<T> reader)
            throws SQLException, IOException {
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            List<String> variables = statement.variables();
            for (int i = 0; i < variables.size(); i++) {
                Object value = values.get(variables.get(i));
                if (value == null) {
                    throw new IllegalStateException("the floor has no value for :" + variables.get(i));
                }
                prepared.setObject(i + 1, value);
            }
            List<T> read = new ArrayList<>();
            try (ResultSet rows = prepared.executeQuery()) {
                while (rows.next()) {
                    read.add(reader.read(rows));
                }
            }
            return read;
        }
    }

    private static int limit(Fields query, int byDefault) {
        String limit = query.getValue("limit");
        return limit == null ? byDefault : Integer.parseInt(limit);
    }
}
