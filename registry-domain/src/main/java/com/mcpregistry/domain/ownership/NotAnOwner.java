package com.mcpregistry.domain.ownership;

import com.mcpregistry.domain.error.Forbidden;
import java.util.Objects;

/**
 * The caller may not act on a server, or submit under a namespace, that others own. {@code owners} are whom to ask;
 * a service names them (with their contact) in the message it gives the caller.
 */
public final class NotAnOwner extends Forbidden {
    private final Owners owners;

    public NotAnOwner(String message, Owners owners) {
        super(message);
        this.owners = Objects.requireNonNull(owners, "owners");
    }

    public Owners owners() {
        return owners;
    }
}
