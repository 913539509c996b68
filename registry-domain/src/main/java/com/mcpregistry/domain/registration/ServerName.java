package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.Text;
import com.mcpregistry.domain.error.InvalidInput;
import java.util.regex.Pattern;

/** A server's name: a reverse-DNS namespace, a slash and a name, e.g. {@code com.contoso.finance/ledger-tools}. */
public record ServerName(String value) {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 200;
    private static final Pattern PATTERN = Pattern.compile("^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$");

    public ServerName {
        Text.require("server_name", value, MIN_LENGTH, MAX_LENGTH);
        if (!PATTERN.matcher(value).matches()) {
            throw InvalidInput.of("server_name", "must be a reverse-DNS namespace, '/' and a name (" + PATTERN + ")");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
