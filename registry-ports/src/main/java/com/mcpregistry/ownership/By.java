package com.mcpregistry.ownership;

import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who asks for a change of ownership: a signed-in user, or an operator on the command line, who holds every right
 * (as with {@code admin grant}) and is recorded in the audit trail as no user.
 */
public sealed interface By permits By.User, By.Operator {

    /** The actor the rules judge: an operator is an administrator. */
    Optional<Actor> actor();

    static By user(Actor actor) {
        return new User(actor);
    }

    static By operator() {
        return new Operator();
    }

    /** The user recorded as the actor of the change, if any. */
    default Optional<UserId> userId() {
        return actor().map(Actor::userId);
    }

    /** Whether administrators' rights apply. */
    default boolean admin() {
        return actor().map(Actor::admin).orElse(true);
    }

    record User(Actor signedIn) implements By {
        public User {
            Objects.requireNonNull(signedIn, "signedIn");
        }

        @Override
        public Optional<Actor> actor() {
            return Optional.of(signedIn);
        }
    }

    record Operator() implements By {
        @Override
        public Optional<Actor> actor() {
            return Optional.empty();
        }
    }
}
