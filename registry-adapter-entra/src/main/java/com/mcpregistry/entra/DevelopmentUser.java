package com.mcpregistry.entra;

import com.mcpregistry.domain.Text;
import com.mcpregistry.domain.user.GroupId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Whom a development token is for: the {@code oid}, {@code name} and {@code preferred_username} it carries, and
 * whether it carries the admin app role.
 */
public record DevelopmentUser(String objectId, String name, String email, boolean admin, List<String> groups) {

    public DevelopmentUser {
        Text.require("oid", objectId, 128);
        Text.require("name", name, 1, IdentityClaims.MAX_DISPLAY_NAME);
        Text.require("email", email, IdentityClaims.MAX_EMAIL);
        // As Entra ID lists them: group object ids.
        groups = groups.stream()
                .map(group -> GroupId.parse("groups", group).value())
                .toList();
    }

    /** A user in no group. */
    public DevelopmentUser(String objectId, String name, String email, boolean admin) {
        this(objectId, name, email, admin, List.of());
    }

    /** The development user {@code start-dev} prints a token for. */
    public static DevelopmentUser defaultUser() {
        return named("Dev User", "dev.user@registry-dev.invalid", false);
    }

    /** The development administrator {@code start-dev} prints a token for. */
    public static DevelopmentUser defaultAdmin() {
        return named("Dev Admin", "dev.admin@registry-dev.invalid", true);
    }

    /** A user whose {@code oid} is derived from the email, so the same person is the same user on every run. */
    public static DevelopmentUser named(String name, String email, boolean admin) {
        Text.require("email", email, IdentityClaims.MAX_EMAIL);
        String oid = UUID.nameUUIDFromBytes(("mcp-registry-dev:" + email).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new DevelopmentUser(oid, name, email, admin);
    }
}
