package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.Text;
import com.mcpregistry.domain.error.InvalidInput;

/** The e-mail address people can write to about a registered server (its {@code owner_contact}). */
public record OwnerContact(String value) {
    public static final int MAX_LENGTH = 254;
    /** What an address must match: one {@code @}, no white space, a domain of two or more non-empty labels. */
    static final String PATTERN = "^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$";

    public OwnerContact {
        Text.require("owner_contact", value, MAX_LENGTH);
        if (!matchesPattern(value)) {
            throw InvalidInput.of("owner_contact", "must be an e-mail address");
        }
    }

    /** {@link #PATTERN}, character by character: every row read builds an address, and a regex costs more. */
    private static boolean matchesPattern(String value) {
        int at = value.indexOf('@');
        if (at <= 0 || value.indexOf('@', at + 1) >= 0) {
            return false;
        }
        int labels = 0;
        int labelLength = 0;
        for (int i = 0; i <= value.length(); i++) {
            char c = i == value.length() ? '.' : value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return false; // \s in a Java pattern
            }
            if (i > at) {
                if (c == '.') {
                    if (labelLength == 0) {
                        return false;
                    }
                    labels++;
                    labelLength = 0;
                } else {
                    labelLength++;
                }
            }
        }
        return labels >= 2;
    }

    @Override
    public String toString() {
        return value;
    }
}
