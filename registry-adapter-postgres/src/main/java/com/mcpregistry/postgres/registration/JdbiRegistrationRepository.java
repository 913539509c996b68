package com.mcpregistry.postgres.registration;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.DomainException;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.Visibility;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.NormalizedEndpoint;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.GroupId;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.paging.Cursor;
import com.mcpregistry.paging.Page;
import com.mcpregistry.postgres.shared.SearchStatements;
import com.mcpregistry.postgres.shared.SqlErrors;
import com.mcpregistry.postgres.shared.Timestamps;
import com.mcpregistry.registration.port.out.RegistrationQuery;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.mcpregistry.registration.port.out.UniquenessConflicts;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * {@link RegistrationRepository} on the {@code registrations} table. The uniqueness rules are the database's
 * (a unique index over every version ever submitted, and an exclusion constraint over the normalised endpoint,
 * {@code endpoint_url_normalized}, which this class writes beside the endpoint as submitted), so they hold under
 * concurrent writers; this class only names the rule a failed write broke.
 */
public final class JdbiRegistrationRepository implements RegistrationRepository {

    private static final String PUBLISHED_STATUSES = Arrays.stream(RegistrationStatus.values())
            .filter(RegistrationStatus::isPublished)
            .map(status -> "'" + status.label() + "'")
            .collect(Collectors.joining(", "));

    private static final String NEWEST_FIRST = "created_at DESC, id DESC";

    private static final String INSERT = "INSERT INTO registrations (" + RegistrationRowMapper.COLUMNS
            + ", endpoint_url_normalized) VALUES (:id, :server_name, :version, :title, :description, :endpoint_url,"
            + " :transport, :owner_contact, :repository_url, :documentation_url, CAST(:tags AS text[]), :submitter_id,"
            + " :status, :status_reason, :reviewed_by, :reviewed_at, :created_at, :updated_at, :row_version,"
            + " :deleted_at, :endpoint_url_normalized)"
            // A taken version inserts nothing (no error that would end the transaction), and says so.
            + " ON CONFLICT (server_name, version) WHERE NOT version_reused_later DO NOTHING";

    // server_name, version, submitter_id and created_at never change once submitted. The normalised endpoint is
    // the stored one until the endpoint itself changes: changeset 013 kept apart a few endpoints that were stored
    // before endpoints were compared normalised, and a review or deletion of such a registration must not fail.
    private static final String UPDATE = "UPDATE registrations SET title = :title, description = :description,"
            + " endpoint_url = :endpoint_url, transport = :transport, owner_contact = :owner_contact,"
            + " repository_url = :repository_url, documentation_url = :documentation_url,"
            + " tags = CAST(:tags AS text[]), status = :status, status_reason = :status_reason,"
            + " reviewed_by = :reviewed_by, reviewed_at = :reviewed_at, updated_at = :updated_at,"
            + " row_version = :row_version, deleted_at = :deleted_at,"
            + " endpoint_url_normalized = CASE WHEN endpoint_url = :endpoint_url THEN endpoint_url_normalized"
            + " ELSE :endpoint_url_normalized END"
            + " WHERE id = :id AND row_version = :expected_row_version";

    /** The registration in the unique index of a (server name, version), deleted or not; older duplicates are not. */
    private static final String VERSION_HOLDER = "SELECT " + RegistrationRowMapper.COLUMNS + " FROM registrations"
            + " WHERE server_name = :server_name AND version = :version AND NOT version_reused_later";

    /** Served by the exclusion constraint's index on (md5(endpoint_url_normalized), server_name). */
    private static final String ENDPOINT_HOLDER = "SELECT " + RegistrationRowMapper.COLUMNS + " FROM registrations"
            + " WHERE md5(endpoint_url_normalized) = md5(:endpoint) AND server_name <> :except"
            + " AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1";

    private final Jdbi jdbi;
    private final SearchStatements searches;
    private final RegistrationRowMapper mapper = new RegistrationRowMapper();

    public JdbiRegistrationRepository(Jdbi jdbi) {
        this(jdbi, new SearchStatements(SearchStatements.DEFAULT_TIMEOUT));
    }

    /** With each search run as {@code searches} says (planned for its term, within its time budget). */
    public JdbiRegistrationRepository(Jdbi jdbi, SearchStatements searches) {
        this.jdbi = jdbi;
        this.searches = searches;
    }

    @Override
    public void insert(Registration registration) {
        int inserted = SqlErrors.translating(
                uniquenessRules(registration),
                () -> jdbi.withHandle(handle ->
                        bindAll(handle.createUpdate(INSERT), registration).execute()));
        if (inserted == 0) {
            throw UniquenessConflicts.versionTaken(registration.serverName(), registration.version());
        }
    }

    @Override
    public void update(Registration registration, long expectedRowVersion) {
        int updated = SqlErrors.translating(
                uniquenessRules(registration),
                () -> jdbi.withHandle(handle -> bindAll(handle.createUpdate(UPDATE), registration)
                        .bind("expected_row_version", expectedRowVersion)
                        .execute()));
        if (updated == 0) {
            throw new Conflict("the registration was changed meanwhile; reload it and try again");
        }
    }

    @Override
    public Optional<Registration> findById(RegistrationId id) {
        return findOne(
                "SELECT " + RegistrationRowMapper.COLUMNS + " FROM registrations WHERE id = :id",
                Map.of("id", id.value()));
    }

    @Override
    public Optional<Registration> findByNameAndVersion(ServerName name, Version version) {
        return findOne(VERSION_HOLDER, Map.of("server_name", name.value(), "version", version.value()));
    }

    @Override
    public Optional<Registration> findEndpointHolder(NormalizedEndpoint endpoint, ServerName except) {
        return findOne(ENDPOINT_HOLDER, Map.of("endpoint", endpoint.value(), "except", except.value()));
    }

    private Optional<Registration> findOne(String sql, Map<String, Object> params) {
        return SqlErrors.translating(() -> jdbi.withHandle(
                handle -> handle.createQuery(sql).bindMap(params).map(mapper).findOne()));
    }

    @Override
    public Page<Registration> find(RegistrationQuery query) {
        Select select = select(query);
        int limit = query.page().limit();
        List<Registration> rows = searches.list(
                jdbi, select.sql(), select.params(), query.search().isPresent(), mapper);
        return Page.of(rows, limit, r -> new Cursor(r.createdAt(), r.id().value()));
    }

    /** A query's SQL and parameters. */
    record Select(String sql, Map<String, Object> params) {}

    /** One page and the first row of the next (keyset paging, newest first) of what {@code query} asks for. */
    static Select select(RegistrationQuery query) {
        // The filters within the scope: status, search text, cursor.
        List<String> filters = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        query.status().ifPresent(status -> {
            filters.add("status = :status");
            params.put("status", status.label());
        });
        query.search().ifPresent(text -> {
            if (text.indexOf('\u0000') >= 0) {
                throw InvalidInput.of("search", "must not contain NUL characters");
            }
            // ILIKE's escape character is the backslash; the trigram index serves all three.
            filters.add("(server_name ILIKE :pattern OR title ILIKE :pattern OR description ILIKE :pattern)");
            params.put("pattern", "%" + likeLiteral(text) + "%");
        });
        query.page().after().ifPresent(cursor -> {
            filters.add("(created_at, id) < (:after_at, :after_id)");
            params.put("after_at", Timestamps.of(cursor.at()));
            params.put("after_id", cursor.id());
        });
        params.put("limit", query.page().limit() + 1);
        String sql = query.scope() instanceof RegistrationQuery.VisibleTo visible
                ? page(visibleTo(visible.reader(), params), filters)
                // The scope is sealed: this is Mine.
                : mine(((RegistrationQuery.Mine) query.scope()).reader(), filters, params);
        return new Select(sql, params);
    }

    /** A page of the registrations in {@code scope} that pass {@code filters}, newest first. */
    private static String page(String scope, List<String> filters) {
        List<String> where = new ArrayList<>();
        where.add(scope);
        where.addAll(filters);
        return "SELECT " + RegistrationRowMapper.COLUMNS + " FROM registrations WHERE " + String.join(" AND ", where)
                + " ORDER BY " + NEWEST_FIRST + " LIMIT :limit";
    }

    /**
     * The domain's {@link Visibility} rule in SQL, and nothing else: nobody sees a deleted registration, an
     * administrator every other, anyone else the published statuses, those they submitted and those of the servers
     * they own: an owner row of the server names them or one of the groups their token lists (a token with a groups
     * overage lists none). (Two texts, not one with an {@code :admin} parameter, so that each gets its own plan.)
     * The owner rows of a server are found by name (server_owners' unique indexes, in the "C" collation of that
     * column); the planner may instead read the reader's servers once by their own indexes and hash them. Either
     * way the newest registrations are read in the order of the creation index until the page is full: most are
     * published. {@code RegistrationRepositoryContract} holds it to {@link Visibility#sees} for every kind of reader.
     */
    private static String visibleTo(Actor reader, Map<String, Object> params) {
        if (reader.admin()) {
            return "deleted_at IS NULL";
        }
        return "deleted_at IS NULL AND (status IN (" + PUBLISHED_STATUSES + ") OR submitter_id = :reader"
                + " OR EXISTS (SELECT 1 FROM server_owners AS o WHERE o.server_name = registrations.server_name"
                + " COLLATE \"C\" AND " + namesReader(reader, params) + "))";
    }

    /**
     * {@link RegistrationQuery.Mine}, the rule's "submitted or owned" alone: a page of what the reader submitted (the
     * submitter index, in order) and a page of each server they own of what others submitted (the server's range of
     * registrations_server_name_newest_idx, whose "C" collation no other index on server_name has), merged. Few
     * registrations of a large registry are anyone's own: filtering the whole creation index for them would read it
     * to its end.
     */
    private static String mine(Actor reader, List<String> filters, Map<String, Object> params) {
        String submitted = page("deleted_at IS NULL AND submitter_id = :reader", filters);
        String ofOwnedServers = "SELECT r.* FROM (SELECT DISTINCT o.server_name FROM server_owners AS o WHERE "
                + namesReader(reader, params) + ") AS owned CROSS JOIN LATERAL ("
                + page(
                        "deleted_at IS NULL AND server_name COLLATE \"C\" = owned.server_name"
                                + " AND submitter_id <> :reader",
                        filters)
                + ") AS r";
        return "SELECT " + RegistrationRowMapper.COLUMNS + " FROM ((" + submitted + ") UNION ALL (" + ofOwnedServers
                + ")) AS mine ORDER BY " + NEWEST_FIRST + " LIMIT :limit";
    }

    /** Whether an owner row (aliased o) names {@code reader}, as a user or as one of the groups of their token. */
    private static String namesReader(Actor reader, Map<String, Object> params) {
        params.put("reader", reader.userId().value());
        params.put(
                "groups", reader.groups().stream().map(GroupId::value).sorted().toArray(String[]::new));
        return "(o.user_id = :reader OR o.group_id = ANY (CAST(:groups AS text[])))";
    }

    /** {@code text} as a LIKE pattern that matches exactly it: {@code %}, {@code _} and {@code \} taken literally. */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Map<String, Supplier<? extends DomainException>> uniquenessRules(Registration registration) {
        return Map.of(
                "registrations_pkey",
                () -> new Conflict("registration " + registration.id() + " exists already"),
                "registrations_server_name_version_unique",
                () -> UniquenessConflicts.versionTaken(registration.serverName(), registration.version()),
                "registrations_endpoint_single_server",
                () -> UniquenessConflicts.endpointTaken(registration.details().endpointUrl()),
                "registrations_submitter_fkey",
                () -> new Conflict("the submitter " + registration.submitterId() + " is not a known user"),
                "registrations_reviewer_fkey",
                () -> new Conflict("the reviewer is not a known user"));
    }

    private static <S extends SqlStatement<S>> S bindAll(S statement, Registration r) {
        return statement
                .bind("id", r.id().value())
                .bind("server_name", r.serverName().value())
                .bind("version", r.version().value())
                .bind("title", r.details().title().value())
                .bind("description", r.details().description().value())
                .bind("endpoint_url", r.details().endpointUrl().value())
                .bind(
                        "endpoint_url_normalized",
                        NormalizedEndpoint.of(r.details().endpointUrl()).value())
                .bind("transport", r.details().transport().wireName())
                .bind("owner_contact", r.details().ownerContact().value())
                .bind(
                        "repository_url",
                        r.details().repositoryUrl().map(HttpUrl::value).orElse(null))
                .bind(
                        "documentation_url",
                        r.details().documentationUrl().map(HttpUrl::value).orElse(null))
                .bindArray("tags", String.class, r.details().tags().values())
                .bind("submitter_id", r.submitterId().value())
                .bind("status", r.status().label())
                .bind("status_reason", r.statusReason().map(Reason::value).orElse(null))
                .bindByType("reviewed_by", r.reviewedBy().map(UserId::value).orElse(null), UUID.class)
                .bindByType("reviewed_at", Timestamps.of(r.reviewedAt()), OffsetDateTime.class)
                .bindByType("created_at", Timestamps.of(r.createdAt()), OffsetDateTime.class)
                .bindByType("updated_at", Timestamps.of(r.updatedAt()), OffsetDateTime.class)
                .bind("row_version", r.rowVersion())
                .bindByType("deleted_at", Timestamps.of(r.deletedAt()), OffsetDateTime.class);
    }
}
