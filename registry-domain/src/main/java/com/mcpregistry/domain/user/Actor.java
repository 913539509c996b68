package com.mcpregistry.domain.user;

import java.util.Objects;

/** The user acting right now, with whether this request carries administrator rights. */
public record Actor(UserId userId, boolean admin) {
    public Actor {
        Objects.requireNonNull(userId, "userId");
    }

    public boolean is(UserId other) {
        return userId.equals(other);
    }
}
