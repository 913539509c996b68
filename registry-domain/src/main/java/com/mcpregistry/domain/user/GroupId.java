package com.mcpregistry.domain.user;

import com.mcpregistry.domain.error.InvalidInput;
import java.util.Locale;
import java.util.regex.Pattern;

/** An Entra ID group by its object id (a GUID, kept in lower case), as the token's {@code groups} claim names it. */
public record GroupId(String value) {
    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public GroupId {
        if (value == null || !GUID.matcher(value).matches()) {
            throw InvalidInput.of("group_id", "must be an Entra ID group object id (a GUID)");
        }
    }

    /** Parses client input or a token's claim; a GUID in any case names the same group. */
    public static GroupId parse(String field, String raw) {
        try {
            return new GroupId(raw == null ? null : raw.strip().toLowerCase(Locale.ROOT));
        } catch (InvalidInput e) {
            throw InvalidInput.of(field, "must be an Entra ID group object id (a GUID)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
