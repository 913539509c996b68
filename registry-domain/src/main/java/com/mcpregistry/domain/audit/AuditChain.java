package com.mcpregistry.domain.audit;

import com.mcpregistry.domain.shared.RegistrationStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain over audit events: each event's hash covers its own content and the previous event's hash, so
 * that changing, removing or reordering any event breaks every hash after it. The changed fields of an edit were
 * added to events later: an event without them hashes exactly as events did before, so that chains written then
 * still verify.
 */
public final class AuditChain {

    /** The "previous hash" of the very first event. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /** The SHA-256 (lower-case hex) of {@code event} chained to {@code previousHash}. */
    public static String hash(String previousHash, AuditEvent event) {
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
        String canonical = event.changes().isEmpty() ? fields : fields + "\n" + changes(event.changes());
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
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
