package com.mcpregistry.domain.shared;

import com.mcpregistry.domain.Text;
import com.mcpregistry.domain.error.InvalidInput;

/** A server's name: a reverse-DNS namespace, a slash and a name, e.g. {@code com.contoso.finance/ledger-tools}. */
public record ServerName(String value) {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 200;
    public static final String PATTERN = "^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$";

    public ServerName {
        Text.require("server_name", value, MIN_LENGTH, MAX_LENGTH);
        if (!matchesPattern(value)) {
            throw InvalidInput.of("server_name", "must be a reverse-DNS namespace, '/' and a name (" + PATTERN + ")");
        }
    }

    /** {@link #PATTERN}, character by character: every row read builds a name, and a regex costs several times more. */
    private static boolean matchesPattern(String value) {
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '-'
                    || (c == '_' && i > slash);
            if (!allowed && i != slash) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
