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
     * The row version the client expects, when it sent {@code If-Match}. {@code *} matches any version. If-Match
     * compares strongly (RFC 9110 §13.1.1): a weak tag ({@code W/"3"}) matches no version, nor does a tag that is not
     * one of ours, so the request fails with 412.
     */
    static Optional<Long> ifMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return Optional.empty();
        }
        String tag = header.trim();
        // Exactly the tags of() writes: a weak tag, a list or any other spelling of a number compares unequal.
        if (!tag.matches("\"[1-9][0-9]{0,17}\"")) {
            return Optional.of(NO_VERSION_MATCHES);
        }
        return Optional.of(Long.parseLong(tag.substring(1, tag.length() - 1)));
    }
}
