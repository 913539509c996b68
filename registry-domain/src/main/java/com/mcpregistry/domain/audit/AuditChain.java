package com.mcpregistry.domain.audit;

import com.mcpregistry.domain.shared.RegistrationStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hash chain over audit events: each event's hash covers its own content and the previous event's hash, so
 * that changing, removing or reordering any event breaks every hash after it.
 *
 * <p>The hash is an HMAC-SHA256 under the current {@link AuditKey}, whose id is stored with the event: someone who
 * can write the table but does not hold the key cannot compute a hash that verifies, so cannot rebuild the chain
 * after changing it. Events written before the chain had keys carry no key id and are hashed unkeyed (SHA-256 of
 * the same text); they verify as they always did, and the first keyed event chains on the last unkeyed one's hash.
 * The changed fields of an edit were added to events later: an event without them hashes exactly as events did
 * before, so that chains written then still verify.
 */
public final class AuditChain {

    /** The "previous hash" of the very first event. */
    public static final String GENESIS = "0".repeat(64);

    private final AuditKeys keys;

    public AuditChain(AuditKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** A chain without keys: every event hashed unkeyed, as before the chain had keys. */
    public static AuditChain unkeyed() {
        return new AuditChain(AuditKeys.none());
    }

    /** The keys this chain hashes and verifies with. */
    public AuditKeys keys() {
        return keys;
    }

    /** What is stored with an event: the id of the key its hash is under (empty: unkeyed) and the hash. */
    public record Link(Optional<String> keyId, String hash) {
        public Link {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(hash, "hash");
        }
    }

    /**
     * The link of {@code event} appended after the event hashed {@code previousHash} under the key {@code
     * previousKeyId} (empty: unkeyed, or no event yet): under the current key, if any.
     *
     * @throws IllegalStateException when this chain has no current key but the previous event is keyed: an unkeyed
     *     event after a keyed one would break the chain
     */
    public Link link(String previousHash, Optional<String> previousKeyId, AuditEvent event) {
        if (keys.current().isEmpty() && previousKeyId.isPresent()) {
            throw new IllegalStateException("the audit trail is keyed (its newest event is hashed under the audit key '"
                    + previousKeyId.get() + "') and no audit key is set (AUDIT_KEY): an unkeyed event would break"
                    + " the chain");
        }
        return keys.current()
                .map(key -> new Link(Optional.of(key.id()), key.mac(canonical(previousHash, event))))
                .orElseGet(() -> new Link(Optional.empty(), unkeyedHash(previousHash, event)));
    }

    /**
     * The hash {@code event} has after {@code previousHash} under the key named {@code keyId} (unkeyed when empty);
     * empty when this chain does not know that key.
     */
    public Optional<String> hashUnder(Optional<String> keyId, String previousHash, AuditEvent event) {
        if (keyId.isEmpty()) {
            return Optional.of(unkeyedHash(previousHash, event));
        }
        return keys.find(keyId.get()).map(key -> key.mac(canonical(previousHash, event)));
    }

    /** The unkeyed hash: SHA-256 (lower-case hex) of {@code event} chained to {@code previousHash}. */
    public static String unkeyedHash(String previousHash, AuditEvent event) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(sha256.digest(canonical(previousHash, event).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * A checkpoint of a trail of {@code events} events whose newest is hashed {@code head}, taken {@code at}, signed
     * with the current key.
     *
     * @throws IllegalStateException when this chain has no current key
     */
    public AuditCheckpoint checkpoint(long events, String head, Instant at) {
        AuditKey key = keys.current()
                .orElseThrow(() -> new IllegalStateException("an audit checkpoint is signed with the current audit"
                        + " key, and there is none (AUDIT_KEY)"));
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        return new AuditCheckpoint(
                events, head, second, key.id(), key.mac(AuditCheckpoint.signedText(events, head, second, key.id())));
    }

    /** Whether a checkpoint's signature holds: it does, it does not, or it is under a key this chain does not know. */
    public enum Signature {
        HOLDS,
        DOES_NOT_HOLD,
        UNKNOWN_KEY
    }

    /** Checks {@code checkpoint}'s signature with the key it names. */
    public Signature check(AuditCheckpoint checkpoint) {
        return keys.find(checkpoint.keyId())
                .map(key -> sameHex(
                                key.mac(AuditCheckpoint.signedText(
                                        checkpoint.events(), checkpoint.head(), checkpoint.at(), checkpoint.keyId())),
                                checkpoint.mac())
                        ? Signature.HOLDS
                        : Signature.DOES_NOT_HOLD)
                .orElse(Signature.UNKNOWN_KEY);
    }

    /** Compares two hashes in time independent of where they differ. */
    public static boolean sameHex(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** The text a hash covers: the previous hash and every field of the event, one per line. */
    private static String canonical(String previousHash, AuditEvent event) {
        String fields = String.join(
                "\n",
                previousHash,
                event.id().toString(),
                Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, event.at())),
                text(event.actorId().map(Object::toString)),
                // The wire name, as events were hashed when the action was a string: old hashes stay valid.
                event.action().wireName(),
                text(event.registrationId().map(Object::toString)),
                text(event.fromStatus().map(RegistrationStatus::label)),
                text(event.toStatus().map(RegistrationStatus::label)),
                text(event.reason()),
                text(event.requestId()));
        return event.changes().isEmpty() ? fields : fields + "\n" + changes(event.changes());
    }

    /** {@code changes:N} and one line per field: its name, {@code secret} or {@code plain}, old and new value. */
    private static String changes(List<FieldChange> changes) {
        StringBuilder canonical = new StringBuilder("changes:").append(changes.size());
        for (FieldChange change : changes) {
            canonical
                    .append('\n')
                    .append(text(Optional.of(change.field())))
                    .append(change.secret() ? " secret " : " plain ")
                    .append(text(change.oldValue()))
                    .append(' ')
                    .append(text(change.newValue()));
        }
        return canonical.toString();
    }

    /** Absent values and present ones can never collide: present text is quoted with its length. */
    private static String text(Optional<String> value) {
        return value.map(v -> v.length() + ":" + v).orElse("-");
    }
}
