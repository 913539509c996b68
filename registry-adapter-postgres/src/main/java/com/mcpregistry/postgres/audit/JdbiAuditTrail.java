package com.mcpregistry.postgres.audit;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditHead;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.audit.ChainCheck;
import com.mcpregistry.audit.ChainLink;
import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.domain.audit.AuditCheckpoint;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.audit.FieldChange;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.paging.Cursor;
import com.mcpregistry.paging.Page;
import com.mcpregistry.postgres.shared.SqlErrors;
import com.mcpregistry.postgres.shared.Timestamps;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link AuditTrail} on the {@code audit_log} table, which the database keeps append-only. Appends are
 * serialised by a transaction-scoped advisory lock, so that each event's {@code prev_hash} is the hash of the
 * event committed just before it, the chain stays linear under concurrent writers, and {@code seq} order is commit
 * order (what {@link #head()} counts and a checkpoint's position means).
 */
public final class JdbiAuditTrail implements AuditTrail {

    /**
     * The advisory lock of the audit chain. A single bigint key: Liquibase's session lock uses the two-int key
     * space, which never overlaps this one.
     */
    static final long CHAIN_LOCK = 0x6d63702d61756474L; // "mcp-audt"

    /**
     * An event's columns, of the audit_log row {@code a}. The changed fields, stored as a JSON array of {@code
     * {"field", "secret", "old", "new"}} objects (null values left out), are read as a two-dimensional text array
     * of {@code [field, secret|plain, old, new]}, so that no JSON library is needed here.
     */
    private static final String EVENT_COLUMNS = "a.id, a.at, a.actor_id, a.action, a.registration_id, a.from_status,"
            + " a.to_status, a.reason, a.request_id,"
            + " ARRAY(SELECT ARRAY[c.value ->> 'field',"
            + " CASE WHEN (c.value -> 'secret') = 'true' THEN 'secret' ELSE 'plain' END,"
            + " c.value ->> 'old', c.value ->> 'new']"
            + " FROM jsonb_array_elements(a.changes) WITH ORDINALITY AS c(value, n) ORDER BY c.n) AS changes";

    /** An event's columns and its actor's profile, joined from users (left out for unknown actors). */
    private static final String ENTRY_COLUMNS =
            EVENT_COLUMNS + ", u.id AS actor_user_id, u.display_name AS actor_display_name, u.email AS actor_email";

    private static final String WITH_ACTORS = " FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id";

    private static final String INSERT = "INSERT INTO audit_log (id, at, actor_id, action, registration_id,"
            + " from_status, to_status, reason, request_id, changes, prev_hash, key_id, hash)"
            + " VALUES (:id, :at, :actor_id, :action, :registration_id, :from_status, :to_status, :reason,"
            + " :request_id,"
            + " (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('field', c.field,"
            + " 'secret', CASE WHEN c.secret THEN true END, 'old', c.old_value, 'new', c.new_value)) ORDER BY c.n)"
            + " FROM unnest(CAST(:change_fields AS text[]), CAST(:change_secrets AS boolean[]),"
            + " CAST(:change_olds AS text[]), CAST(:change_news AS text[]))"
            + " WITH ORDINALITY AS c(field, secret, old_value, new_value, n)),"
            + " :prev_hash, :key_id, :hash)";

    /**
     * The number of events and the newest one's hash and key, in one statement (one snapshot). The count reads the
     * whole seq index: for checkpoints, which are rare, never for requests.
     */
    static final String HEAD = "SELECT (SELECT count(*) FROM audit_log) AS events, a.hash"
            + " FROM audit_log a ORDER BY a.seq DESC LIMIT 1";

    /** The newest event's hash and key, read under the chain lock: what the next event chains to. */
    static final String LAST_LINK = "SELECT hash, key_id FROM audit_log ORDER BY seq DESC LIMIT 1";

    /** One registration's events in chain order, with their actors. */
    static final String HISTORY =
            "SELECT " + ENTRY_COLUMNS + WITH_ACTORS + " WHERE a.registration_id = :registration ORDER BY a.seq";

    private static final int VERIFY_FETCH_SIZE = 1000;

    private final Jdbi jdbi;
    private final AuditChain chain;

    public JdbiAuditTrail(Jdbi jdbi, AuditChain chain) {
        this.jdbi = jdbi;
        this.chain = chain;
    }

    @Override
    public void append(AuditEvent event) {
        SqlErrors.translating(
                Map.of(
                        "audit_log_pkey",
                        () -> new Conflict("audit event " + event.id() + " exists already"),
                        "audit_log_prev_hash_unique",
                        () -> new Conflict("another audit event was appended concurrently; try again")),
                // Joins the caller's transaction, if any: the lock is held until that one commits.
                () -> jdbi.inTransaction(handle -> {
                    handle.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:key)")
                            .bind("key", CHAIN_LOCK)
                            .mapTo(Integer.class)
                            .one();
                    AuditChain.Link last =
                            newest(handle).orElse(new AuditChain.Link(Optional.empty(), AuditChain.GENESIS));
                    String previous = last.hash();
                    AuditChain.Link link = chain.link(previous, last.keyId(), event);
                    return handle.createUpdate(INSERT)
                            .bind("id", event.id())
                            .bindByType("at", Timestamps.of(event.at()), OffsetDateTime.class)
                            .bindByType(
                                    "actor_id",
                                    event.actorId().map(UserId::value).orElse(null),
                                    UUID.class)
                            .bind("action", event.action().wireName())
                            .bindByType(
                                    "registration_id",
                                    event.registrationId()
                                            .map(RegistrationId::value)
                                            .orElse(null),
                                    UUID.class)
                            .bind(
                                    "from_status",
                                    event.fromStatus()
                                            .map(RegistrationStatus::label)
                                            .orElse(null))
                            .bind(
                                    "to_status",
                                    event.toStatus()
                                            .map(RegistrationStatus::label)
                                            .orElse(null))
                            .bind("reason", event.reason().orElse(null))
                            .bind("request_id", event.requestId().orElse(null))
                            .bindArray(
                                    "change_fields",
                                    String.class,
                                    event.changes().stream()
                                            .map(FieldChange::field)
                                            .toList())
                            .bindArray(
                                    "change_secrets",
                                    Boolean.class,
                                    event.changes().stream()
                                            .map(FieldChange::secret)
                                            .toList())
                            .bindArray(
                                    "change_olds",
                                    String.class,
                                    event.changes().stream()
                                            .map(c -> c.oldValue().orElse(null))
                                            .toList())
                            .bindArray(
                                    "change_news",
                                    String.class,
                                    event.changes().stream()
                                            .map(c -> c.newValue().orElse(null))
                                            .toList())
                            .bind("prev_hash", previous)
                            .bind("key_id", link.keyId().orElse(null))
                            .bind("hash", link.hash())
                            .execute();
                }));
    }

    @Override
    public Page<AuditEntry> find(AuditQuery query) {
        Select select = select(query);
        List<AuditEntry> rows = SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(select.sql())
                .bindMap(select.params())
                .map(JdbiAuditTrail::entry)
                .list()));
        return Page.of(
                rows,
                query.page().limit(),
                entry -> new Cursor(entry.event().at(), entry.event().id()));
    }

    /** A query's SQL and parameters. */
    record Select(String sql, Map<String, Object> params) {}

    /** One page and the first row of the next (keyset paging, newest first) of what {@code query} asks for. */
    static Select select(AuditQuery query) {
        List<String> where = new ArrayList<>(List.of("TRUE"));
        Map<String, Object> params = new HashMap<>();
        query.actor().ifPresent(actor -> {
            where.add("a.actor_id = :actor");
            params.put("actor", actor.value());
        });
        query.action().ifPresent(action -> {
            where.add("a.action = :action");
            params.put("action", action.wireName());
        });
        query.registration().ifPresent(registration -> {
            where.add("a.registration_id = :registration");
            params.put("registration", registration.value());
        });
        query.since().ifPresent(since -> {
            where.add("a.at >= :since");
            params.put("since", Timestamps.of(since));
        });
        query.page().after().ifPresent(cursor -> {
            where.add("(a.at, a.id) < (:after_at, :after_id)");
            params.put("after_at", Timestamps.of(cursor.at()));
            params.put("after_id", cursor.id());
        });
        params.put("limit", query.page().limit() + 1);
        String sql = "SELECT " + ENTRY_COLUMNS + WITH_ACTORS + " WHERE " + String.join(" AND ", where)
                + " ORDER BY a.at DESC, a.id DESC LIMIT :limit";
        return new Select(sql, params);
    }

    @Override
    public List<AuditEntry> history(RegistrationId registration) {
        return SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(HISTORY)
                .bind("registration", registration.value())
                .map(JdbiAuditTrail::entry)
                .list()));
    }

    @Override
    public ChainVerification verify(List<AuditCheckpoint> checkpoints) {
        // In a transaction so that the driver streams rows with a cursor instead of loading the whole trail.
        return SqlErrors.translating(() -> jdbi.inTransaction(handle -> handle.createQuery(
                        "SELECT " + EVENT_COLUMNS + ", a.prev_hash, a.key_id, a.hash FROM audit_log a ORDER BY a.seq")
                .setFetchSize(VERIFY_FETCH_SIZE)
                .map((rs, ctx) -> new ChainLink(
                        map(rs, ctx),
                        rs.getString("prev_hash"),
                        Optional.ofNullable(rs.getString("key_id")),
                        rs.getString("hash")))
                .withStream(stream -> {
                    ChainCheck check = new ChainCheck(chain, checkpoints);
                    for (Iterator<ChainLink> it = stream.iterator(); it.hasNext(); ) {
                        if (!check.next(it.next())) {
                            break;
                        }
                    }
                    return check.result();
                })));
    }

    @Override
    public AuditHead head() {
        return SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(HEAD)
                .map((rs, ctx) -> new AuditHead(rs.getLong("events"), rs.getString("hash")))
                .findOne()
                .orElse(AuditHead.empty())));
    }

    @Override
    public Optional<AuditChain.Link> newest() {
        return SqlErrors.translating(() -> jdbi.withHandle(JdbiAuditTrail::newest));
    }

    private static Optional<AuditChain.Link> newest(Handle handle) {
        return handle.createQuery(LAST_LINK)
                .map((rs, ctx) ->
                        new AuditChain.Link(Optional.ofNullable(rs.getString("key_id")), rs.getString("hash")))
                .findOne();
    }

    @Override
    public AuditChain chain() {
        return chain;
    }

    /** A stored action by its wire name; one this version does not know means the trail is not what it wrote. */
    private static AuditAction action(String wireName) {
        return AuditAction.fromWireName(wireName)
                .orElseThrow(() -> new IllegalStateException(
                        "the audit log holds an action this registry does not know: '" + wireName + "'"));
    }

    private static AuditEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AuditEvent(
                rs.getObject("id", UUID.class),
                Timestamps.read(rs, "at"),
                Optional.ofNullable(rs.getObject("actor_id", UUID.class)).map(UserId::new),
                action(rs.getString("action")),
                Optional.ofNullable(rs.getObject("registration_id", UUID.class)).map(RegistrationId::new),
                Optional.ofNullable(rs.getString("from_status")).map(s -> RegistrationStatus.parse("from_status", s)),
                Optional.ofNullable(rs.getString("to_status")).map(s -> RegistrationStatus.parse("to_status", s)),
                Optional.ofNullable(rs.getString("reason")),
                Optional.ofNullable(rs.getString("request_id")),
                changes(rs));
    }

    private static AuditEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        Optional<User.Profile> actor = rs.getObject("actor_user_id", UUID.class) == null
                ? Optional.empty()
                : Optional.of(new User.Profile(
                        Optional.ofNullable(rs.getString("actor_email")), rs.getString("actor_display_name")));
        return new AuditEntry(map(rs, ctx), actor);
    }

    /** The rows of the {@code changes} text array: field, {@code secret} or {@code plain}, old, new. */
    private static List<FieldChange> changes(ResultSet rs) throws SQLException {
        Array array = rs.getArray("changes");
        if (array == null) {
            return List.of();
        }
        try {
            Object[] rows = (Object[]) array.getArray();
            List<FieldChange> changes = new ArrayList<>(rows.length);
            for (Object row : rows) {
                String[] change = (String[]) row;
                changes.add(new FieldChange(
                        change[0],
                        "secret".equals(change[1]),
                        Optional.ofNullable(change[2]),
                        Optional.ofNullable(change[3])));
            }
            return changes;
        } finally {
            array.free();
        }
    }
}
