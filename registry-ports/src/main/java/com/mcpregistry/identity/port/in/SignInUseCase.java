package com.mcpregistry.identity.port.in;

import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.identity.VerifiedIdentity;
import java.util.Objects;

/** Turns a verified token into the registry's user, creating or refreshing the user record as needed. */
public interface SignInUseCase {

    /** Writes to the database only when the user is new or their profile changed. */
    SignedIn signIn(VerifiedIdentity identity);

    /** The stored user and the rights they act with in this request. */
    record SignedIn(User user, Actor actor) {
        public SignedIn {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(actor, "actor");
        }
    }
}
