package com.mcpregistry.domain.user;

import java.util.Objects;
import java.util.Set;

/**
 * The user acting right now: whether this request carries administrator rights, and the Entra ID groups its token
 * says the user is a member of. {@code groupsOverage} means the token could not list them (Entra ID's overage
 * marker): the user then counts as a member of no group, and whoever refuses them can say why.
 */
public record Actor(UserId userId, boolean admin, Set<GroupId> groups, boolean groupsOverage) {
    public Actor {
        Objects.requireNonNull(userId, "userId");
        groups = Set.copyOf(groups);
        if (groupsOverage && !groups.isEmpty()) {
            throw new IllegalArgumentException("a groups overage lists no groups");
        }
    }

    /** An actor whose token lists no groups. */
    public Actor(UserId userId, boolean admin) {
        this(userId, admin, Set.of(), false);
    }

    public boolean is(UserId other) {
        return userId.equals(other);
    }
}
