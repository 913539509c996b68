package com.mcpregistry.domain.serverjson;

/** JSON pointers (RFC 6901) naming a field of a server.json document, e.g. {@code /packages/0/identifier}. */
public final class JsonPointer {
    private JsonPointer() {}

    /** {@code base} followed by one more reference token, escaped ({@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
    public static String append(String base, String token) {
        return base + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    /** {@code base} followed by the index of an array element. */
    public static String append(String base, int index) {
        return base + "/" + index;
    }
}
