package com.mcpregistry.postgres.ownership;

import com.mcpregistry.domain.ownership.NamespacePrefix;
import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.ownership.ServerOwners;
import com.mcpregistry.ownership.port.out.ServerOwnerRepository;
import com.mcpregistry.postgres.shared.ServerLock;
import com.mcpregistry.postgres.shared.SqlErrors;
import com.mcpregistry.postgres.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link ServerOwnerRepository} on the {@code server_owners} table, one row per owner of a server. Its
 * {@code server_name} is in the "C" collation, so that the servers under a namespace are one range of its index.
 */
public final class JdbiServerOwnerRepository implements ServerOwnerRepository {

    private static final String FIND =
            "SELECT server_name, user_id, group_id FROM server_owners WHERE server_name = ANY (:servers)";

    // The owners not in the set go and the missing ones come, in one statement (both parts see the same rows, and
    // none is in both); those kept keep the time they were added.
    private static final String SAVE = "WITH gone AS (DELETE FROM server_owners WHERE server_name = :server AND "
            + OwnerColumns.NOT_AMONG + ")"
            + " INSERT INTO server_owners (server_name, user_id, group_id, added_at)"
            + " SELECT :server, user_id, group_id, :at FROM (" + OwnerColumns.ROWS + ") AS owners"
            + " ON CONFLICT DO NOTHING";

    // In "C" order the names whose namespace is the prefix or one of its sub-namespaces ("p/…" and "p.…") are
    // exactly those from "p." up to, not including, "p0": '.', '/' and '0' follow each other.
    private static final String UNDER_PREFIX_OWNED_OUTSIDE =
            "server_name >= :from AND server_name < :to AND " + OwnerColumns.NOT_AMONG;

    private static final String OWNED_OUTSIDE = "SELECT server_name, user_id, group_id FROM server_owners"
            + " WHERE server_name IN (SELECT DISTINCT server_name FROM server_owners WHERE "
            + UNDER_PREFIX_OWNED_OUTSIDE + " ORDER BY server_name LIMIT :limit)"
            + " ORDER BY server_name";

    private static final String COUNT_OWNED_OUTSIDE =
            "SELECT count(DISTINCT server_name) FROM server_owners WHERE " + UNDER_PREFIX_OWNED_OUTSIDE;

    private final Jdbi jdbi;

    public JdbiServerOwnerRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void lock(ServerName server) {
        // The lock JdbiPublishedServers takes for a server's latest version: one lock per server for both.
        ServerLock.hold(jdbi, server);
    }

    @Override
    public Optional<Owners> find(ServerName server) {
        return Optional.ofNullable(find(List.of(server)).get(server));
    }

    @Override
    public Map<ServerName, Owners> find(Collection<ServerName> servers) {
        if (servers.isEmpty()) {
            return Map.of();
        }
        List<String> names = servers.stream().map(ServerName::value).distinct().toList();
        return SqlErrors.translating(() -> jdbi.withHandle(handle -> grouped(handle.createQuery(FIND)
                .bindArray("servers", String.class, names)
                .map(ServerOwner::read)
                .list())));
    }

    @Override
    public void save(ServerName server, Owners owners, Instant at) {
        SqlErrors.translating(() -> jdbi.withHandle(handle -> OwnerColumns.bind(handle.createUpdate(SAVE), owners)
                .bind("server", server.value())
                .bindByType("at", Timestamps.of(at), OffsetDateTime.class)
                .execute()));
    }

    @Override
    public List<ServerOwners> ownedOutside(NamespacePrefix prefix, Owners owners, int limit) {
        return SqlErrors.translating(() -> jdbi.withHandle(handle -> grouped(
                        under(prefix, OwnerColumns.bind(handle.createQuery(OWNED_OUTSIDE), owners))
                                .bind("limit", limit)
                                .map(ServerOwner::read)
                                .list())
                .entrySet()
                .stream()
                .map(entry -> new ServerOwners(entry.getKey(), entry.getValue()))
                .toList()));
    }

    @Override
    public long countOwnedOutside(NamespacePrefix prefix, Owners owners) {
        return SqlErrors.translating(() -> jdbi.withHandle(
                handle -> under(prefix, OwnerColumns.bind(handle.createQuery(COUNT_OWNED_OUTSIDE), owners))
                        .mapTo(Long.class)
                        .one()));
    }

    /** Binds the range of names under {@code prefix} ({@link #UNDER_PREFIX_OWNED_OUTSIDE}). */
    private static Query under(NamespacePrefix prefix, Query query) {
        return query.bind("from", prefix.value() + ".").bind("to", prefix.value() + "0");
    }

    /** One row of server_owners. */
    private record ServerOwner(ServerName server, Owner owner) {
        static ServerOwner read(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ServerOwner(new ServerName(rs.getString("server_name")), OwnerColumns.read(rs));
        }
    }

    /** Rows of owners as each server's owners, in the order the servers first come. */
    private static Map<ServerName, Owners> grouped(List<ServerOwner> rows) {
        Map<ServerName, List<Owner>> members = new LinkedHashMap<>();
        rows.forEach(row ->
                members.computeIfAbsent(row.server(), s -> new ArrayList<>()).add(row.owner()));
        Map<ServerName, Owners> owners = new LinkedHashMap<>();
        members.forEach((server, list) -> owners.put(server, new Owners(list)));
        return owners;
    }
}
