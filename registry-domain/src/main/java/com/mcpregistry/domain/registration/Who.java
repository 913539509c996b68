package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.UserId;

/** Who may take a step of the workflow, relative to the registration's submitter. */
public enum Who {
    ANY_USER,
    SUBMITTER,
    ADMIN,
    ADMIN_OR_SUBMITTER;

    public boolean includes(Actor actor, UserId submitter) {
        return switch (this) {
            case ANY_USER -> true;
            case SUBMITTER -> actor.is(submitter);
            case ADMIN -> actor.admin();
            case ADMIN_OR_SUBMITTER -> actor.admin() || actor.is(submitter);
        };
    }
}
