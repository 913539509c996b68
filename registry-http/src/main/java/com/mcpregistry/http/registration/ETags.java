package com.mcpregistry.http.registration;

import io.javalin.http.Context;
import java.util.Optional;

/** A registration's entity tag is its row version; {@code If-Match} names the version a client last saw. */
final class ETags {
    private static final long NO_VERSION_MATCHES = 0;

    private ETags() {}

    static String of(long rowVersion) {
        return "\"" + rowVersion + "\"";
    }

    /**
     * The row version the client expects, when it sent {@code If-Match}. {@code *} matches any version; a tag that
     * is not one of ours matches none (so the request fails with 412, as RFC 9110 wants).
     */
    static Optional<Long> ifMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return Optional.empty();
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Optional.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            return Optional.of(NO_VERSION_MATCHES);
        }
    }
}
