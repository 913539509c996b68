package com.mcpregistry.domain;

import com.mcpregistry.domain.error.InvalidInput;

/** The rules every piece of free text obeys: present, within its length, free of control characters. */
public final class Text {
    private Text() {}

    /** Returns {@code value} when it is 1..{@code max} characters of printable text, else rejects {@code field}. */
    public static String require(String field, String value, int max) {
        return require(field, value, 1, max);
    }

    public static String require(String field, String value, int min, int max) {
        if (value == null) {
            throw InvalidInput.of(field, "is required");
        }
        if (value.isBlank() && min > 0) {
            throw InvalidInput.of(field, "must not be blank");
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw InvalidInput.of(field, "must be " + min + " to " + max + " characters long");
        }
        // A plain loop: this runs for every field of every row read, and a stream costs several times more.
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (isForbidden(codePoint)) {
                throw InvalidInput.of(field, "must not contain control characters");
            }
            i += Character.charCount(codePoint);
        }
        return value;
    }

    private static boolean isForbidden(int codePoint) {
        if (codePoint >= 0x20 && codePoint < 0x7F) {
            return false; // printable ASCII, the common case
        }
        return Character.isISOControl(codePoint)
                || Character.getType(codePoint) == Character.SURROGATE
                || codePoint == 0xFFFE
                || codePoint == 0xFFFF;
    }
}
