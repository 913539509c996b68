package com.mcpregistry.registration.port.out;

import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers which registration a client's idempotency key created, so that a retried submission replays the first
 * answer instead of creating a duplicate. Keys are scoped to the user who sent them.
 */
public interface IdempotencyKeys {

    Optional<Remembered> find(UserId owner, String key);

    /**
     * {@link #find}, with the key held until the caller's transaction ends: a concurrent submission with the same key
     * waits here until the first one has committed (and then finds what it remembered) or rolled back. Called in the
     * transaction that remembers the key.
     */
    Optional<Remembered> claim(UserId owner, String key);

    /**
     * Records the key; called in the same transaction as the submission it protects.
     *
     * @throws com.mcpregistry.domain.error.IdempotencyKeyInUse when the key is remembered already, e.g. by a
     *     concurrent submission that did not {@link #claim} it
     */
    void remember(UserId owner, String key, Remembered remembered, Instant at);

    /** What a key was first used for: a fingerprint of the request and the registration it created. */
    record Remembered(String requestFingerprint, RegistrationId registrationId) {
        public Remembered {
            Objects.requireNonNull(requestFingerprint, "requestFingerprint");
            Objects.requireNonNull(registrationId, "registrationId");
        }
    }
}
