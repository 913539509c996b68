package com.mcpregistry.ownership;

import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.user.User;
import java.util.Objects;
import java.util.Optional;

/**
 * An owner with what the registry knows to contact them: the user (display name, e-mail) for a user owner; nothing
 * more for a group, which Entra ID knows and the registry does not.
 */
public record NamedOwner(Owner owner, Optional<User> user) {
    public NamedOwner {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(user, "user");
    }

    /** How a person would name this owner: {@code Ann Example <ann@contoso.com>}, or {@code group <id>}. */
    public String contact() {
        if (owner instanceof Owner.OfGroup group) {
            return "members of the Entra ID group " + group.groupId();
        }
        return user.map(u -> u.displayName()
                        + u.verifiedEmail()
                                .or(u::email)
                                .map(e -> " <" + e + ">")
                                .orElse(""))
                .orElse(owner.wireName());
    }
}
