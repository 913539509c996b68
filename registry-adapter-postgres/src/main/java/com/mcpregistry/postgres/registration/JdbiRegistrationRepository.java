package com.mcpregistry.postgres.registration;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.DomainException;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.registration.OwnerContact;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.Visibility;
import com.mcpregistry.domain.serverjson.Locator;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.serverjson.Title;
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
import com.mcpregistry.registration.ServerJsonFormat;
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
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * {@link RegistrationRepository} on the {@code registrations} table, each registration's server.json in {@code
 * server_json} (as {@link ServerJsonFormat} writes it) beside the columns searches and lists read, and the {@link
 * Locator}s of each live registration in {@code registration_locators}, written in the statement that writes the
 * registration. The uniqueness rules are the database's (a unique index over every version ever submitted, and an
 * exclusion constraint that gives each locator one server name), so they hold under concurrent writers; this class
 * only names the rule a failed write broke.
 */
public final class JdbiRegistrationRepository implements RegistrationRepository {

    private static final String PUBLISHED_STATUSES = Arrays.stream(RegistrationStatus.values())
            .filter(RegistrationStatus::isPublished)
            .map(status -> "'" + status.label() + "'")
            .collect(Collectors.joining(", "));

    private static final String NEWEST_FIRST = "created_at DESC, id DESC";

    /** The locators to hold for the written row (once those it adds are locked): none once it is deleted. */
    private static final String WANTED = "SELECT w.id, w.server_name, locator FROM written AS w, locked,"
            + " unnest(CAST(:locators AS text[])) AS locator WHERE w.deleted_at IS NULL";

    /**
     * Locks, until the end of the transaction, each locator of {@code :locators} that {@code held} (a condition on
     * {@code candidate.locator}) does not exclude: a writer that adds a locator waits for any other writer adding it, who then
     * holds it or not. Without the lock two writers that insert one locator for two servers at the same moment may
     * each wait for the other inside the exclusion constraint, and PostgreSQL ends one with a deadlock instead of the
     * constraint's violation. The locks are taken in one order (of their keys), so that they cannot deadlock either;
     * the locator rows wanted are read with this CTE's one row, so after it.
     */
    private static String lockingLocators(String held) {
        return "locked AS (SELECT count(pg_advisory_xact_lock(lock_key)) AS locks FROM (SELECT DISTINCT"
                + " hashtextextended('mcp-locator:' || candidate.locator, 0) AS lock_key"
                + " FROM unnest(CAST(:locators AS text[])) AS candidate(locator) WHERE " + held
                + " ORDER BY lock_key) AS adding)";
    }

    private static final String INSERT = "WITH written AS (INSERT INTO registrations (id, server_name, version,"
            + " server_json, title, description, owner_contact, tags, submitter_id, status, status_reason, reviewed_by,"
            + " reviewed_at, created_at, updated_at, row_version, deleted_at) VALUES (:id, :server_name, :version,"
            + " CAST(:server_json AS jsonb), :title, :description, :owner_contact, CAST(:tags AS text[]),"
            + " :submitter_id, :status, :status_reason, :reviewed_by, :reviewed_at, :created_at, :updated_at,"
            + " :row_version, :deleted_at)"
            // A taken version inserts nothing (no error that would end the transaction), and says so.
            + " ON CONFLICT (server_name, version) WHERE NOT version_reused_later DO NOTHING"
            + " RETURNING id, server_name, deleted_at),"
            + " " + lockingLocators("true") + ","
            + " located AS (INSERT INTO registration_locators (registration_id, server_name, locator) " + WANTED + ")"
            + " SELECT count(*) FROM written";

    /**
     * A locator row's locator as the registration's documents name it. Changeset 013 kept apart a few endpoints that
     * were stored before endpoints were compared normalised, under keys of their own ({@code <endpoint> kept apart
     * by changeset 013 for <server>}): such a key stays while the registration keeps that remote, so that a review
     * or deletion of the registration does not fail.
     */
    private static final String HELD_LOCATOR =
            "split_part(l.locator, '" + NormalizedEndpointBackfill.KEPT_APART + "', 1)";

    // server_name, version, submitter_id and created_at never change once submitted. The locator rows the new
    // document no longer names go, those it names anew come; a deleted registration holds none.
    private static final String UPDATE = "WITH written AS (UPDATE registrations SET"
            + " server_json = CAST(:server_json AS jsonb), title = :title, description = :description,"
            + " owner_contact = :owner_contact, tags = CAST(:tags AS text[]), status = :status,"
            + " status_reason = :status_reason, reviewed_by = :reviewed_by, reviewed_at = :reviewed_at,"
            + " updated_at = :updated_at, row_version = :row_version, deleted_at = :deleted_at"
            + " WHERE id = :id AND row_version = :expected_row_version RETURNING id, server_name, deleted_at),"
            + " "
            + lockingLocators("NOT EXISTS (SELECT 1 FROM registration_locators AS l WHERE l.registration_id = :id"
                    + " AND " + HELD_LOCATOR + " = candidate.locator)")
            + ","
            + " wanted AS (" + WANTED + "),"
            + " released AS (DELETE FROM registration_locators AS l USING written AS w WHERE l.registration_id = w.id"
            + " AND " + HELD_LOCATOR + " NOT IN (SELECT locator FROM wanted)),"
            + " located AS (INSERT INTO registration_locators (registration_id, server_name, locator)"
            + " SELECT id, server_name, locator FROM wanted WHERE NOT EXISTS (SELECT 1 FROM registration_locators AS l"
            + " WHERE l.registration_id = wanted.id AND " + HELD_LOCATOR + " = wanted.locator))"
            + " SELECT count(*) FROM written";

    /** The registration in the unique index of a (server name, version), deleted or not; older duplicates are not. */
    private static final String VERSION_HOLDER = "SELECT " + RegistrationRowMapper.COLUMNS + " FROM registrations"
            + " WHERE server_name = :server_name AND version = :version AND NOT version_reused_later";

    /** Served by the exclusion constraint's index on (locator_md5, server_name). */
    static final String LOCATOR_HOLDER = "SELECT " + RegistrationRowMapper.COLUMNS + " FROM registrations"
            + " WHERE id IN (SELECT registration_id FROM registration_locators WHERE locator_md5 IN"
            + " (SELECT CAST(md5(locator) AS uuid) FROM unnest(CAST(:locators AS text[])) AS locator)"
            + " AND locator = ANY (CAST(:locators AS text[])) AND server_name <> :except)"
            + " AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1";

    /** {@link #findReviewedOrDeleted}: every row not Pending, and every deleted one; a sequential scan, by design. */
    static final String REVIEWED_OR_DELETED = "SELECT " + RegistrationRowMapper.COLUMNS + " FROM registrations"
            + " WHERE status <> '" + RegistrationStatus.PENDING.label() + "' OR deleted_at IS NOT NULL"
            + " ORDER BY server_name COLLATE \"C\", created_at, id";

    private final Jdbi jdbi;
    private final SearchStatements searches;
    private final ServerJsonFormat format;
    private final RegistrationRowMapper mapper;

    /** Documents written and read by {@code format}. */
    public JdbiRegistrationRepository(Jdbi jdbi, ServerJsonFormat format) {
        this(jdbi, new SearchStatements(SearchStatements.DEFAULT_TIMEOUT), format);
    }

    /** With each search run as {@code searches} says (planned for its term, within its time budget). */
    public JdbiRegistrationRepository(Jdbi jdbi, SearchStatements searches, ServerJsonFormat format) {
        this.jdbi = jdbi;
        this.searches = searches;
        this.format = format;
        this.mapper = new RegistrationRowMapper(format);
    }

    @Override
    public void insert(Registration registration) {
        long inserted = SqlErrors.translating(
                uniquenessRules(registration),
                () -> jdbi.withHandle(handle -> bindAll(handle.createQuery(INSERT), registration)
                        .mapTo(Long.class)
                        .one()));
        if (inserted == 0) {
            throw UniquenessConflicts.versionTaken(registration.serverName(), registration.version());
        }
    }

    @Override
    public void update(Registration registration, long expectedRowVersion) {
        long updated = SqlErrors.translating(
                uniquenessRules(registration),
                () -> jdbi.withHandle(handle -> bindAll(handle.createQuery(UPDATE), registration)
                        .bind("expected_row_version", expectedRowVersion)
                        .mapTo(Long.class)
                        .one()));
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
    public Optional<Registration> findLocatorHolder(Set<Locator> locators, ServerName except) {
        if (locators.isEmpty()) {
            return Optional.empty();
        }
        return SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(LOCATOR_HOLDER)
                .bindArray("locators", String.class, texts(locators))
                .bind("except", except.value())
                .map(mapper)
                .findOne()));
    }

    private Optional<Registration> findOne(String sql, Map<String, Object> params) {
        return SqlErrors.translating(() -> jdbi.withHandle(
                handle -> handle.createQuery(sql).bindMap(params).map(mapper).findOne()));
    }

    @Override
    public List<Registration> findReviewedOrDeleted() {
        return SqlErrors.translating(() -> jdbi.withHandle(
                handle -> handle.createQuery(REVIEWED_OR_DELETED).map(mapper).list()));
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
            // Lower-cased copies of the three columns (changesets 010 and 023) with a plain LIKE, whose escape
            // character is the backslash; a trigram index serves each side of the OR.
            filters.add("(search_name LIKE lower(:pattern) OR search_title LIKE lower(:pattern)"
                    + " OR search_description LIKE lower(:pattern))");
            params.put("pattern", "%" + likeLiteral(text) + "%");
        });
        query.page().after().ifPresent(cursor -> {
            filters.add("(created_at, id) < (:after_at, :after_id)");
            params.put("after_at", Timestamps.of(cursor.at()));
            params.put("after_id", cursor.id());
        });
        params.put("limit", query.page().limit() + 1);
        String sql;
        if (query.scope() instanceof RegistrationQuery.VisibleTo visible) {
            String where = where(visibleTo(visible.reader(), params), filters);
            // A search finds its page's ids first, from the creation index alone (changeset 023).
            sql = query.search().isPresent()
                    ? SearchStatements.page(RegistrationRowMapper.COLUMNS, "id, created_at", where, NEWEST_FIRST)
                    : page(where);
        } else {
            // The scope is sealed: this is Mine.
            sql = mine(((RegistrationQuery.Mine) query.scope()).reader(), filters, params);
        }
        return new Select(sql, params);
    }

    /** The registrations in {@code scope} that pass {@code filters}. */
    private static String where(String scope, List<String> filters) {
        List<String> where = new ArrayList<>();
        where.add(scope);
        where.addAll(filters);
        return String.join(" AND ", where);
    }

    /** A page of the registrations that pass {@code where}, newest first. */
    private static String page(String where) {
        return "SELECT " + RegistrationRowMapper.COLUMNS + " FROM registrations WHERE " + where + " ORDER BY "
                + NEWEST_FIRST + " LIMIT :limit";
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
        String submitted = page(where("deleted_at IS NULL AND submitter_id = :reader", filters));
        String ofOwnedServers = "SELECT r.* FROM (SELECT DISTINCT o.server_name FROM server_owners AS o WHERE "
                + namesReader(reader, params) + ") AS owned CROSS JOIN LATERAL ("
                + page(where(
                        "deleted_at IS NULL AND server_name COLLATE \"C\" = owned.server_name"
                                + " AND submitter_id <> :reader",
                        filters))
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
                "registration_locators_single_server",
                () -> UniquenessConflicts.locatorTaken(
                        registration.details().definition().locators()),
                "registrations_submitter_fkey",
                () -> new Conflict("the submitter " + registration.submitterId() + " is not a known user"),
                "registrations_reviewer_fkey",
                () -> new Conflict("the reviewer is not a known user"));
    }

    private static List<String> texts(Set<Locator> locators) {
        return locators.stream().map(Locator::value).toList();
    }

    private <S extends SqlStatement<S>> S bindAll(S statement, Registration r) {
        ServerDefinition definition = r.details().definition();
        return statement
                .bind("id", r.id().value())
                .bind("server_name", r.serverName().value())
                .bind("version", r.version().value())
                .bind("server_json", format.write(r.document()))
                .bind("title", definition.title().map(Title::value).orElse(null))
                .bind("description", definition.description().value())
                .bind(
                        "owner_contact",
                        r.details().ownerContact().map(OwnerContact::value).orElse(null))
                .bindArray("tags", String.class, r.details().tags().values())
                .bindArray("locators", String.class, texts(definition.locators()))
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
