package com.mcpregistry.http.identity;

import static com.mcpregistry.http.shared.Access.USER;

import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.http.shared.Callers;
import com.mcpregistry.http.shared.Routes;
import com.mcpregistry.identity.SignedIn;
import com.mcpregistry.identity.port.in.FindUserUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The {@code /users} routes. Signing in (creating or refreshing the user) happens on every authenticated request. */
public final class UserRoutes {

    private final FindUserUseCase findUser;

    public UserRoutes(FindUserUseCase findUser) {
        this.findUser = findUser;
    }

    public void addTo(RoutesConfig routes) {
        routes.post("/users", this::me, USER);
        Routes.get(routes, "/users/me", this::me, USER);
        Routes.get(routes, "/users/{user_id}", this::get, USER);
    }

    /** The caller's stored record, read afresh: the sign-in may have come from a recent one remembered. */
    private void me(Context ctx) {
        SignedIn caller = Callers.of(ctx);
        ctx.json(UserJson.of(findUser.get(caller.actor(), caller.user().id())));
    }

    private void get(Context ctx) {
        UserId id = UserId.parse("user_id", ctx.pathParam("user_id"));
        ctx.json(UserJson.of(findUser.get(Callers.of(ctx).actor(), id)));
    }
}
