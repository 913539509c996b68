package com.mcpregistry.postgres.registration;

import com.mcpregistry.domain.error.IdempotencyKeyInUse;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.postgres.shared.SqlErrors;
import com.mcpregistry.postgres.shared.Timestamps;
import com.mcpregistry.registration.port.out.IdempotencyKeys;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link IdempotencyKeys} on the {@code idempotency_keys} table, keyed by owner and key; a key is claimed with a
 * transaction-scoped advisory lock on it, because before its row exists there is no row to lock.
 */
public final class JdbiIdempotencyKeys implements IdempotencyKeys {

    // A namespace of its own inside the advisory lock space of single bigint keys (see JdbiPublishedServers).
    private static final String LOCK = "SELECT 1 FROM pg_advisory_xact_lock("
            + "hashtextextended('idempotency-key:' || :owner || ' ' || :key, 0))";

    private final Jdbi jdbi;

    public JdbiIdempotencyKeys(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Remembered> find(UserId owner, String key) {
        return SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT request_fingerprint, registration_id FROM idempotency_keys"
                                + " WHERE owner_id = :owner AND key = :key")
                .bind("owner", owner.value())
                .bind("key", key)
                .map((rs, ctx) -> new Remembered(
                        rs.getString("request_fingerprint"),
                        new RegistrationId(rs.getObject("registration_id", UUID.class))))
                .findOne()));
    }

    @Override
    public Optional<Remembered> claim(UserId owner, String key) {
        // Joins the caller's transaction: the lock is held until that one ends, and the read after it sees what a
        // transaction that held it before committed.
        SqlErrors.translating(() -> jdbi.inTransaction(handle -> handle.createQuery(LOCK)
                .bind("owner", owner.value().toString())
                .bind("key", key)
                .mapTo(Integer.class)
                .one()));
        return find(owner, key);
    }

    @Override
    public void remember(UserId owner, String key, Remembered remembered, Instant at) {
        SqlErrors.translating(
                Map.of("idempotency_keys_pkey", IdempotencyKeyInUse::new),
                () -> jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO idempotency_keys"
                                + " (owner_id, key, request_fingerprint, registration_id, created_at)"
                                + " VALUES (:owner, :key, :fingerprint, :registration, :at)")
                        .bind("owner", owner.value())
                        .bind("key", key)
                        .bind("fingerprint", remembered.requestFingerprint())
                        .bind("registration", remembered.registrationId().value())
                        .bind("at", Timestamps.of(at))
                        .execute()));
    }
}
