package com.mcpregistry.paging;

import com.mcpregistry.domain.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * A position in a list ordered by time and id: the last item a page showed. Clients see it only as an opaque
 * token; keyset paging continues strictly after it.
 */
public record Cursor(Instant at, UUID id) {
    public Cursor {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }

    /**
     * How ids order items that share a time: as unsigned 128-bit numbers, the order PostgreSQL gives uuid
     * values ({@link UUID#compareTo} compares signed halves and would disagree).
     */
    public static int compareIds(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** Whether an item at {@code itemAt} with {@code itemId} comes after this cursor in newest-first order. */
    public boolean isFollowedBy(Instant itemAt, UUID itemId) {
        int byTime = itemAt.compareTo(at);
        return byTime < 0 || (byTime == 0 && compareIds(itemId, id) < 0);
    }

    /** The opaque token handed to clients. */
    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        String plain = micros + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token made by {@link #encode()}; anything else is an {@link InvalidInput} on {@code cursor}. */
    public static Cursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            long micros = Long.parseLong(plain.substring(0, bar));
            UUID id = UUID.fromString(plain.substring(bar + 1));
            return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
        } catch (RuntimeException e) {
            throw InvalidInput.of("cursor", "is not a cursor this registry issued");
        }
    }
}
