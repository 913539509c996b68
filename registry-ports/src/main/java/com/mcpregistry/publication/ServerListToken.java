package com.mcpregistry.publication;

import com.mcpregistry.domain.error.InvalidInput;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The cursor handed to clients as {@code metadata.nextCursor}: where the next page starts, and the filters of the
 * list it continues, so that a client that sends back only the cursor (VS Code leaves out {@code search}) gets the
 * next page of the same list. Opaque to clients: URL-safe Base64 (VS Code appends it to the URL unencoded) of
 * URL-encoded {@code key=value} pairs.
 */
public record ServerListToken(ServerListCursor after, ServerListFilters filters) {

    private static final String FORMAT = "2";

    public ServerListToken {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(filters, "filters");
    }

    public String encode() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("f", FORMAT);
        parts.put("after", after.encode());
        filters.search().ifPresent(search -> parts.put("search", search));
        filters.version().ifPresent(version -> parts.put("version", version.text()));
        if (filters.includeDeleted()) {
            parts.put("deleted", "1");
        }
        filters.updatedSince()
                .ifPresent(since -> parts.put("since", Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, since))));
        StringJoiner plain = new StringJoiner("&");
        parts.forEach((key, value) -> plain.add(key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token made by {@link #encode()}; anything else is an {@link InvalidInput} on {@code cursor}. */
    public static ServerListToken decode(String token) {
        Map<String, String> parts = new LinkedHashMap<>();
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            for (String pair : plain.split("&", -1)) {
                int equals = pair.indexOf('=');
                if (equals < 1
                        || parts.put(
                                        pair.substring(0, equals),
                                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8))
                                != null) {
                    throw notOurs();
                }
            }
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
        if (!FORMAT.equals(parts.remove("f")) || !parts.containsKey("after")) {
            throw notOurs();
        }
        ServerListCursor after = ServerListCursor.decode(parts.remove("after"));
        try {
            ServerListFilters filters = new ServerListFilters(
                    Optional.ofNullable(parts.remove("search")),
                    Optional.ofNullable(parts.remove("version")).map(VersionSelector::parse),
                    "1".equals(parts.remove("deleted")),
                    Optional.ofNullable(parts.remove("since"))
                            .map(micros -> Instant.EPOCH.plus(Long.parseLong(micros), ChronoUnit.MICROS)));
            if (!parts.isEmpty()) {
                throw notOurs();
            }
            return new ServerListToken(after, filters);
        } catch (RuntimeException e) {
            throw notOurs();
        }
    }

    private static InvalidInput notOurs() {
        return InvalidInput.of("cursor", "is not a cursor this registry issued");
    }
}
