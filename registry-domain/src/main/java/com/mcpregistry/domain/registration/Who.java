package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.user.Actor;

/** Who may take a step of the workflow, relative to the owners of the registration's server. */
public enum Who {
    ANY_USER,
    OWNER,
    ADMIN,
    ADMIN_OR_OWNER;

    public boolean includes(Actor actor, Owners owners) {
        return switch (this) {
            case ANY_USER -> true;
            case OWNER -> owners.includes(actor);
            case ADMIN -> actor.admin();
            case ADMIN_OR_OWNER -> actor.admin() || owners.includes(actor);
        };
    }
}
