package com.mcpregistry.domain.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed statement of the audit trail's head, to be kept outside the database (a log, a ticket, a mail): the trail
 * held {@code events} events at {@code at} and the newest was hashed {@code head}, signed (HMAC-SHA256) with the audit
 * key {@code keyId}. Checked against the trail later, it shows whether events it covered were removed or rewritten.
 *
 * <p>Written as one line without spaces, so that it can be found in any text that holds it (a JSON log line too):
 * {@code mcp-registry-audit-checkpoint;v=1;events=12;head=…;at=2025-06-01T10:00:00Z;key=k1;mac=…}.
 */
public record AuditCheckpoint(long events, String head, Instant at, String keyId, String mac) {

    private static final String PREFIX = "mcp-registry-audit-checkpoint;v=1";
    private static final Pattern STATEMENT = Pattern.compile(Pattern.quote(PREFIX)
            + ";events=([0-9]{1,18});head=([0-9a-f]{64});at=([0-9TZ:.-]{1,40});key=([A-Za-z0-9._-]{1,64})"
            + ";mac=([0-9a-f]{64})");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public AuditCheckpoint {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(mac, "mac");
        if (events < 0) {
            throw new IllegalArgumentException("a checkpoint counts 0 or more events");
        }
        if (!HEX64.matcher(head).matches() || !HEX64.matcher(mac).matches()) {
            throw new IllegalArgumentException("a checkpoint's head and signature are 64 lower-case hex digits");
        }
        if (!at.truncatedTo(ChronoUnit.SECONDS).equals(at)) {
            throw new IllegalArgumentException("a checkpoint's time is in whole seconds");
        }
    }

    /** The statement, one line: what {@link #findIn} reads back. */
    public String statement() {
        return signedText(events, head, at, keyId) + ";mac=" + mac;
    }

    @Override
    public String toString() {
        return statement();
    }

    /** What the signature covers: the statement without its signature. */
    static String signedText(long events, String head, Instant at, String keyId) {
        return PREFIX + ";events=" + events + ";head=" + head + ";at=" + at + ";key=" + keyId;
    }

    /**
     * Every checkpoint statement in {@code text}, in order: one printed by {@code admin audit checkpoint}, or a log
     * holding the ones {@code serve} logged.
     *
     * @throws IllegalArgumentException when a statement is there but malformed (its time or count unreadable)
     */
    public static List<AuditCheckpoint> findIn(String text) {
        List<AuditCheckpoint> found = new ArrayList<>();
        Matcher matcher = STATEMENT.matcher(text);
        while (matcher.find()) {
            Instant at;
            try {
                at = Instant.parse(matcher.group(3));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("the time of the audit checkpoint '" + matcher.group() + "' is not"
                        + " an instant such as 2025-06-01T10:00:00Z");
            }
            found.add(new AuditCheckpoint(
                    Long.parseLong(matcher.group(1)), matcher.group(2), at, matcher.group(4), matcher.group(5)));
        }
        return found;
    }
}
