package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.Text;
import com.mcpregistry.domain.error.InvalidInput;
import java.util.regex.Pattern;

/** An e-mail address people can write to about a server. */
public record Email(String value) {
    public static final int MAX_LENGTH = 254;
    private static final Pattern PATTERN = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    public Email {
        Text.require("owner_contact", value, MAX_LENGTH);
        if (!PATTERN.matcher(value).matches()) {
            throw InvalidInput.of("owner_contact", "must be an e-mail address");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
