package com.mcpregistry.http.shared;

import com.mcpregistry.identity.SignedIn;
import io.javalin.http.Context;

/** The signed-in user behind a request, as the authentication step attached it to the request. */
public final class Callers {
    private static final String ATTRIBUTE = "registry.caller";

    private Callers() {}

    /** Makes {@code caller} the caller of this request. */
    public static void attach(Context ctx, SignedIn caller) {
        ctx.attribute(ATTRIBUTE, caller);
    }

    /** The caller of a route that requires a user; authentication has run before any such handler. */
    public static SignedIn of(Context ctx) {
        SignedIn caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("route " + ctx.path() + " reads the caller but declares no user access");
        }
        return caller;
    }

    /** The caller when the request was authenticated, else null. */
    public static SignedIn orNull(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
