package com.mcpregistry.http.shared;

/** A conditional GET's {@code If-None-Match} (RFC 9110 §13.1.2): whether it names the answer's entity tag. */
public final class IfNoneMatch {
    private IfNoneMatch() {}

    /** {@code *}, or a list of tags of which one matches {@code etag} by weak comparison. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
