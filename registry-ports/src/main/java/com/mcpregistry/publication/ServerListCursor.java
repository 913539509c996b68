package com.mcpregistry.publication;

import com.mcpregistry.domain.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * A position in the MCP Registry API's list of servers: the last entry a page showed. The list is ordered either
 * by server name, version and id (a catalogue) or, for incremental sync with {@code updated_since}, by update time
 * and id; each order has its own kind of cursor. Clients see it only as an opaque token, and keyset paging continues
 * strictly after it, so entries added or changed meanwhile neither repeat nor push others out of the pages.
 */
public sealed interface ServerListCursor {

    /** The opaque token handed to clients. */
    String encode();

    /** After this entry in (server name, version, id) order; names and versions compare by their characters. */
    record ByName(String serverName, String version, UUID id) implements ServerListCursor {
        public ByName {
            Objects.requireNonNull(serverName, "serverName");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String encode() {
            return token(NAME_ORDER + SEPARATOR + serverName + SEPARATOR + version + SEPARATOR + id);
        }
    }

    /** After this entry in (update time, id) order, oldest change first. */
    record ByUpdate(Instant updatedAt, UUID id) implements ServerListCursor {
        public ByUpdate {
            Objects.requireNonNull(updatedAt, "updatedAt");
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String encode() {
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, updatedAt);
            return token(UPDATE_ORDER + SEPARATOR + micros + SEPARATOR + id);
        }
    }

    // Neither server names nor versions may contain '|', so it separates the parts unambiguously.
    String SEPARATOR = "|";
    String NAME_ORDER = "n1";
    String UPDATE_ORDER = "u1";

    /** Reads a token made by {@link #encode()}; anything else is an {@link InvalidInput} on {@code cursor}. */
    static ServerListCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length == 4 && parts[0].equals(NAME_ORDER) && !parts[1].isEmpty() && !parts[2].isEmpty()) {
                return new ByName(parts[1], parts[2], UUID.fromString(parts[3]));
            }
            if (parts.length == 3 && parts[0].equals(UPDATE_ORDER)) {
                Instant at = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
                return new ByUpdate(at, UUID.fromString(parts[2]));
            }
        } catch (RuntimeException e) {
            throw notOurs();
        }
        throw notOurs();
    }

    private static String token(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidInput notOurs() {
        return InvalidInput.of("cursor", "is not a cursor this registry issued");
    }
}
