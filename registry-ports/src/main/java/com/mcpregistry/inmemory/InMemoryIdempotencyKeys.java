package com.mcpregistry.inmemory;

import com.mcpregistry.domain.error.IdempotencyKeyInUse;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.registration.port.out.IdempotencyKeys;
import java.time.Instant;
import java.util.Optional;

/** {@link IdempotencyKeys} over an {@link InMemoryDatabase}. */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private final InMemoryDatabase db;

    InMemoryIdempotencyKeys(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<Remembered> find(UserId owner, String key) {
        return db.atomically(() -> Optional.ofNullable(db.idempotencyKeys.get(owner + " " + key)));
    }

    @Override
    public Optional<Remembered> claim(UserId owner, String key) {
        // Transactions run one at a time here: the caller's holds every key until it ends.
        return find(owner, key);
    }

    @Override
    public void remember(UserId owner, String key, Remembered remembered, Instant at) {
        db.atomically(() -> {
            if (db.idempotencyKeys.putIfAbsent(owner + " " + key, remembered) != null) {
                throw new IdempotencyKeyInUse();
            }
            return null;
        });
    }
}
