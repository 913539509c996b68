package com.mcpregistry.http.shared;

import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.User;
import io.javalin.http.Context;
import java.util.Objects;

/** The signed-in user behind a request, as the authentication step found them. */
public record Caller(User user, Actor actor) {
    private static final String ATTRIBUTE = "registry.caller";

    public Caller {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(actor, "actor");
    }

    public void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /** The caller of a route that requires a user; authentication has run before any such handler. */
    public static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("route " + ctx.path() + " reads the caller but declares no user access");
        }
        return caller;
    }

    /** The caller when the request was authenticated, else null. */
    public static Caller orNull(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
