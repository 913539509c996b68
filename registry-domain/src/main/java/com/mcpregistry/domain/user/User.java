package com.mcpregistry.domain.user;

import com.mcpregistry.domain.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person or service principal known to the registry. {@code admin} is the break-glass flag stored with the
 * user; a token's admin role or group grants admin rights without it.
 */
public record User(
        UserId id,
        EntraIdentity identity,
        Optional<String> email,
        String displayName,
        boolean admin,
        Instant createdAt,
        Instant updatedAt,
        Instant lastSeenAt) {

    /** How stale {@code lastSeenAt} may get before a request refreshes it. */
    public static final Duration LAST_SEEN_RESOLUTION = Duration.ofHours(1);

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(email, "email").ifPresent(e -> Text.require("email", e, 320));
        Text.require("display_name", displayName, 0, 256);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }

    /** A user seen for the first time. */
    public static User firstSeen(UserId id, EntraIdentity identity, Profile profile, Instant now) {
        return new User(id, identity, profile.email(), profile.displayName(), false, now, now, now);
    }

    public Profile profile() {
        return new Profile(email, displayName);
    }

    /**
     * This user seen again with the profile a token gives now. The same instance when nothing changed and the
     * last sighting is recent, so that a busy client causes no write.
     */
    public User seenAgain(Profile profile, Instant now) {
        boolean recentlySeen = lastSeenAt.plus(LAST_SEEN_RESOLUTION).isAfter(now);
        if (profile.equals(profile()) && recentlySeen) {
            return this;
        }
        Instant updated = profile.equals(profile()) ? updatedAt : now;
        return new User(id, identity, profile.email(), profile.displayName(), admin, createdAt, updated, now);
    }

    public User withAdminFlag(boolean flag, Instant now) {
        return new User(id, identity, email, displayName, flag, createdAt, now, lastSeenAt);
    }

    /** The actor this user is in a request whose token grants admin rights ({@code tokenAdmin}) or not. */
    public Actor actor(boolean tokenAdmin) {
        return new Actor(id, admin || tokenAdmin);
    }

    /** What the identity provider says about a user, as opposed to what the registry decides. */
    public record Profile(Optional<String> email, String displayName) {
        public Profile {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(displayName, "displayName");
        }
    }
}
