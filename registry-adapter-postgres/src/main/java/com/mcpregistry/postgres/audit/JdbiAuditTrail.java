package com.mcpregistry.postgres.audit;

import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.registration.RegistrationId;
import com.mcpregistry.domain.registration.RegistrationStatus;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.port.Cursor;
import com.mcpregistry.port.Page;
import com.mcpregistry.port.out.AuditQuery;
import com.mcpregistry.port.out.AuditTrail;
import com.mcpregistry.port.out.ChainVerification;
import com.mcpregistry.postgres.SqlErrors;
import com.mcpregistry.postgres.Timestamps;
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
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link AuditTrail} on the {@code audit_log} table, which the database keeps append-only. Appends are
 * serialised by a transaction-scoped advisory lock, so that each event's {@code prev_hash} is the hash of the
 * event committed just before it and the chain stays linear under concurrent writers.
 */
public final class JdbiAuditTrail implements AuditTrail {

    /**
     * The advisory lock of the audit chain. A single bigint key: Liquibase's session lock uses the two-int key
     * space, which never overlaps this one.
     */
    static final long CHAIN_LOCK = 0x6d63702d61756474L; // "mcp-audt"

    private static final String COLUMNS =
            "id, at, actor_id, action, registration_id, from_status, to_status, reason, request_id";

    private static final String INSERT = "INSERT INTO audit_log (" + COLUMNS + ", prev_hash, hash)"
            + " VALUES (:id, :at, :actor_id, :action, :registration_id, :from_status, :to_status, :reason,"
            + " :request_id, :prev_hash, :hash)";

    /** The newest event's hash, read under the chain lock: what the next event chains to. */
    static final String LAST_HASH = "SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1";

    /** One registration's events in chain order. */
    static final String HISTORY =
            "SELECT " + COLUMNS + " FROM audit_log WHERE registration_id = :registration ORDER BY seq";

    private static final int VERIFY_FETCH_SIZE = 1000;

    private final Jdbi jdbi;

    public JdbiAuditTrail(Jdbi jdbi) {
        this.jdbi = jdbi;
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
                    String previous = handle.createQuery(LAST_HASH)
                            .mapTo(String.class)
                            .findOne()
                            .orElse(AuditChain.GENESIS);
                    return handle.createUpdate(INSERT)
                            .bind("id", event.id())
                            .bindByType("at", Timestamps.of(event.at()), OffsetDateTime.class)
                            .bindByType(
                                    "actor_id",
                                    event.actorId().map(UserId::value).orElse(null),
                                    UUID.class)
                            .bind("action", event.action())
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
                            .bind("prev_hash", previous)
                            .bind("hash", AuditChain.hash(previous, event))
                            .execute();
                }));
    }

    @Override
    public Page<AuditEvent> find(AuditQuery query) {
        Select select = select(query);
        List<AuditEvent> rows = SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(select.sql())
                .bindMap(select.params())
                .map(JdbiAuditTrail::map)
                .list()));
        return Page.of(rows, query.page().limit(), e -> new Cursor(e.at(), e.id()));
    }

    /** A query's SQL and parameters. */
    record Select(String sql, Map<String, Object> params) {}

    /** One page and the first row of the next (keyset paging, newest first) of what {@code query} asks for. */
    static Select select(AuditQuery query) {
        List<String> where = new ArrayList<>(List.of("TRUE"));
        Map<String, Object> params = new HashMap<>();
        query.actor().ifPresent(actor -> {
            where.add("actor_id = :actor");
            params.put("actor", actor.value());
        });
        query.action().ifPresent(action -> {
            where.add("action = :action");
            params.put("action", action);
        });
        query.registration().ifPresent(registration -> {
            where.add("registration_id = :registration");
            params.put("registration", registration.value());
        });
        query.since().ifPresent(since -> {
            where.add("at >= :since");
            params.put("since", Timestamps.of(since));
        });
        query.page().after().ifPresent(cursor -> {
            where.add("(at, id) < (:after_at, :after_id)");
            params.put("after_at", Timestamps.of(cursor.at()));
            params.put("after_id", cursor.id());
        });
        params.put("limit", query.page().limit() + 1);
        String sql = "SELECT " + COLUMNS + " FROM audit_log WHERE " + String.join(" AND ", where)
                + " ORDER BY at DESC, id DESC LIMIT :limit";
        return new Select(sql, params);
    }

    @Override
    public List<AuditEvent> history(RegistrationId registration) {
        return SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(HISTORY)
                .bind("registration", registration.value())
                .map(JdbiAuditTrail::map)
                .list()));
    }

    @Override
    public ChainVerification verify() {
        // In a transaction so that the driver streams rows with a cursor instead of loading the whole trail.
        return SqlErrors.translating(() -> jdbi.inTransaction(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + ", prev_hash, hash FROM audit_log ORDER BY seq")
                .setFetchSize(VERIFY_FETCH_SIZE)
                .map((rs, ctx) -> new StoredEvent(map(rs, ctx), rs.getString("prev_hash"), rs.getString("hash")))
                .withStream(stream -> {
                    String previous = AuditChain.GENESIS;
                    long checked = 0;
                    for (Iterator<StoredEvent> it = stream.iterator(); it.hasNext(); ) {
                        StoredEvent stored = it.next();
                        checked++;
                        if (!stored.prevHash().equals(previous)
                                || !AuditChain.hash(previous, stored.event()).equals(stored.hash())) {
                            return new ChainVerification(
                                    checked, Optional.of(stored.event().id()));
                        }
                        previous = stored.hash();
                    }
                    return new ChainVerification(checked, Optional.empty());
                })));
    }

    private record StoredEvent(AuditEvent event, String prevHash, String hash) {}

    private static AuditEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AuditEvent(
                rs.getObject("id", UUID.class),
                Timestamps.read(rs, "at"),
                Optional.ofNullable(rs.getObject("actor_id", UUID.class)).map(UserId::new),
                rs.getString("action"),
                Optional.ofNullable(rs.getObject("registration_id", UUID.class)).map(RegistrationId::new),
                Optional.ofNullable(rs.getString("from_status")).map(s -> RegistrationStatus.parse("from_status", s)),
                Optional.ofNullable(rs.getString("to_status")).map(s -> RegistrationStatus.parse("to_status", s)),
                Optional.ofNullable(rs.getString("reason")),
                Optional.ofNullable(rs.getString("request_id")));
    }
}
