package com.mcpregistry.identity;

import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.User;
import java.util.Objects;

/** The stored user and the rights they act with in this request. */
public record SignedIn(User user, Actor actor) {
    public SignedIn {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(actor, "actor");
    }
}
