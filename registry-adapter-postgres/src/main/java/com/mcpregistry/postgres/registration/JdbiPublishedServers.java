package com.mcpregistry.postgres.registration;

import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.postgres.shared.SearchStatements;
import com.mcpregistry.postgres.shared.ServerLock;
import com.mcpregistry.postgres.shared.SqlErrors;
import com.mcpregistry.postgres.shared.Timestamps;
import com.mcpregistry.publication.PublishedServer;
import com.mcpregistry.publication.PublishedServerPage;
import com.mcpregistry.publication.PublishedServerQuery;
import com.mcpregistry.publication.ServerListCursor;
import com.mcpregistry.publication.VersionSelector;
import com.mcpregistry.publication.port.out.PublishedServers;
import com.mcpregistry.registration.ServerJsonFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@link PublishedServers} on the {@code registrations} table: {@code published_at} marks a registration as
 * published, {@code is_latest} its server's latest version. Lists are keyset-paged on partial indexes (changeset
 * 008), so the first page, a page deep in the list and a search cost the same at a million rows as at ten
 * thousand. Names and versions are ordered and compared in the "C" collation: by their characters, whatever the
 * database's locale, exactly as the in-memory adapter and {@link ServerListCursor} order them.
 */
public final class JdbiPublishedServers implements PublishedServers {

    private static final String COLUMNS = RegistrationRowMapper.COLUMNS + ", published_at, is_latest";
    private static final String FLIPPED_AT =
            "CASE WHEN updated_at > :at THEN updated_at + interval '1 microsecond' ELSE :at END";
    private static final String NAME_ORDER = "server_name COLLATE \"C\", version COLLATE \"C\", id";
    private static final String SAME_SERVER = "server_name COLLATE \"C\" = :server_name";

    static final String CLEAR_LATEST = "UPDATE registrations SET is_latest = false, updated_at = " + FLIPPED_AT
            + " WHERE " + SAME_SERVER + " AND is_latest AND id IS DISTINCT FROM CAST(:latest AS uuid)";
    static final String SET_LATEST = "UPDATE registrations SET is_latest = true, updated_at = " + FLIPPED_AT
            + " WHERE id = :latest AND NOT is_latest";
    static final String LATEST = "SELECT " + COLUMNS + " FROM registrations WHERE " + SAME_SERVER + " AND is_latest";

    private final Jdbi jdbi;
    private final SearchStatements searches;
    private final RowMapper<PublishedServer> mapper;

    /** Documents read by {@code format}. */
    public JdbiPublishedServers(Jdbi jdbi, ServerJsonFormat format) {
        this(jdbi, new SearchStatements(SearchStatements.DEFAULT_TIMEOUT), format);
    }

    /** With each search run as {@code searches} says (planned for its term, within its time budget). */
    public JdbiPublishedServers(Jdbi jdbi, SearchStatements searches, ServerJsonFormat format) {
        this.jdbi = jdbi;
        this.searches = searches;
        RegistrationRowMapper registration = new RegistrationRowMapper(format);
        this.mapper = (rs, ctx) -> new PublishedServer(
                registration.map(rs, ctx), Timestamps.read(rs, "published_at"), rs.getBoolean("is_latest"));
    }

    @Override
    public void lock(ServerName serverName) {
        // The lock of the server's owners too (JdbiServerOwnerRepository): held until the caller's transaction ends.
        ServerLock.hold(jdbi, serverName);
    }

    @Override
    public void markPublished(RegistrationId id, Instant at) {
        SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE registrations SET published_at = :at WHERE id = :id AND published_at IS NULL")
                .bind("id", id.value())
                .bindByType("at", Timestamps.of(at), OffsetDateTime.class)
                .execute()));
    }

    @Override
    public void markLatest(ServerName serverName, Optional<RegistrationId> latest, Instant changedAt) {
        // One latest version per server is a unique index: clear the old flag before setting the new one. A flipped
        // row's update time is the change's, but forward of its last update even when the change is dated before
        // it (instances' clocks differ), so that updated_since always sees the flip.
        SqlErrors.translating(() -> jdbi.inTransaction(handle -> {
            handle.createUpdate(CLEAR_LATEST)
                    .bind("server_name", serverName.value())
                    .bindByType("latest", latest.map(RegistrationId::value).orElse(null), UUID.class)
                    .bindByType("at", Timestamps.of(changedAt), OffsetDateTime.class)
                    .execute();
            latest.ifPresent(id -> handle.createUpdate(SET_LATEST)
                    .bind("latest", id.value())
                    .bindByType("at", Timestamps.of(changedAt), OffsetDateTime.class)
                    .execute());
            return null;
        }));
    }

    @Override
    public PublishedServerPage list(PublishedServerQuery query) {
        Select select = select(query);
        List<PublishedServer> rows = searches.list(
                jdbi, select.sql(), select.params(), query.search().isPresent(), mapper);
        return PublishedServerPage.of(rows, query);
    }

    @Override
    public List<PublishedServer> versions(ServerName serverName, boolean includeDeleted) {
        return SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(versionsSql(includeDeleted))
                .bind("server_name", serverName.value())
                .map(mapper)
                .list()));
    }

    @Override
    public Optional<PublishedServer> version(ServerName serverName, Version version, boolean includeDeleted) {
        return SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(versionSql(includeDeleted))
                .bind("server_name", serverName.value())
                .bind("version", version.value())
                .map(mapper)
                .findOne()));
    }

    @Override
    public Optional<PublishedServer> latest(ServerName serverName) {
        return SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(LATEST)
                .bind("server_name", serverName.value())
                .map(mapper)
                .findOne()));
    }

    static String versionsSql(boolean includeDeleted) {
        return "SELECT " + COLUMNS + " FROM registrations WHERE " + SAME_SERVER + " AND published_at IS NOT NULL"
                + (includeDeleted ? "" : " AND deleted_at IS NULL") + " ORDER BY published_at DESC, id DESC";
    }

    static String versionSql(boolean includeDeleted) {
        // The live version first, then the most recently deleted: a version number may be registered again.
        return "SELECT " + COLUMNS + " FROM registrations WHERE " + SAME_SERVER
                + " AND version COLLATE \"C\" = :version"
                + " AND published_at IS NOT NULL" + (includeDeleted ? "" : " AND deleted_at IS NULL")
                + " ORDER BY deleted_at DESC NULLS FIRST LIMIT 1";
    }

    /** A query's SQL and parameters. */
    record Select(String sql, Map<String, Object> params) {}

    /** One page and the first row of the next (keyset paging) of what {@code query} asks for. */
    static Select select(PublishedServerQuery query) {
        List<String> where = new ArrayList<>(List.of("published_at IS NOT NULL"));
        Map<String, Object> params = new HashMap<>();
        if (!query.includeDeleted()) {
            where.add("deleted_at IS NULL");
        }
        query.updatedSince().ifPresent(since -> {
            where.add("updated_at > :updated_since");
            params.put("updated_since", Timestamps.of(since));
        });
        query.search().ifPresent(text -> {
            if (text.indexOf('\u0000') >= 0) {
                throw InvalidInput.of("search", "must not contain NUL characters");
            }
            // Lower-cased copies of both columns (changeset 010) with a plain LIKE, whose escape character is the
            // backslash; a trigram index serves each side of the OR.
            where.add("(search_name LIKE lower(:pattern) OR search_description LIKE lower(:pattern))");
            params.put("pattern", "%" + JdbiRegistrationRepository.likeLiteral(text) + "%");
        });
        query.version().ifPresent(selector -> {
            if (selector instanceof VersionSelector.Exact exact) {
                where.add("version COLLATE \"C\" = :version");
                params.put("version", exact.version().value());
            } else {
                where.add("is_latest");
            }
        });
        query.after().ifPresent(cursor -> {
            if (cursor instanceof ServerListCursor.ByName byName) {
                where.add("(" + NAME_ORDER + ") > (:after_name, :after_version, :after_id)");
                params.put("after_name", byName.serverName());
                params.put("after_version", byName.version());
                params.put("after_id", byName.id());
            } else if (cursor instanceof ServerListCursor.ByUpdate byUpdate) {
                where.add("(updated_at, id) > (:after_at, :after_id)");
                params.put("after_at", Timestamps.of(byUpdate.updatedAt()));
                params.put("after_id", byUpdate.id());
            }
        });
        params.put("limit", query.limit() + 1);
        ListOrder order = query.byUpdate() ? ListOrder.BY_UPDATE : ListOrder.BY_NAME;
        String filter = String.join(" AND ", where);
        // A search finds its page's ids first (in name order, from the name indexes alone: changeset 023).
        String sql = query.search().isPresent()
                ? SearchStatements.page(COLUMNS, order.keys, filter, order.sql)
                : "SELECT " + COLUMNS + " FROM registrations WHERE " + filter + " ORDER BY " + order.sql
                        + " LIMIT :limit";
        return new Select(sql, params);
    }

    /** An order of the list: the columns it sorts by, and its ORDER BY. */
    private enum ListOrder {
        BY_NAME("id, server_name, version", NAME_ORDER),
        BY_UPDATE("id, updated_at", "updated_at, id");

        private final String keys;
        private final String sql;

        ListOrder(String keys, String sql) {
            this.keys = keys;
            this.sql = sql;
        }
    }
}
