package com.mcpregistry.domain.user;

import com.mcpregistry.domain.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A person or service principal known to the registry. {@code admin} is the break-glass flag stored with the
 * user; a token's admin role or group grants admin rights without it. {@code email} is a label the user may have
 * chosen; {@code verifiedEmail} is one the identity provider vouches for, the only e-mail an operator may name a
 * user by.
 */
public record User(
        UserId id,
        EntraIdentity identity,
        Optional<String> email,
        Optional<String> verifiedEmail,
        String displayName,
        boolean admin,
        Instant createdAt,
        Instant updatedAt,
        Instant lastSeenAt) {

    /** How stale {@code lastSeenAt} may get before a request refreshes it. */
    public static final Duration LAST_SEEN_RESOLUTION = Duration.ofHours(1);

    private static final int MAX_EMAIL = 320;

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(email, "email").ifPresent(e -> Text.require("email", e, MAX_EMAIL));
        Objects.requireNonNull(verifiedEmail, "verifiedEmail").ifPresent(e -> Text.require("email", e, MAX_EMAIL));
        Text.require("display_name", displayName, 0, 256);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }

    /** A user seen for the first time. */
    public static User firstSeen(UserId id, EntraIdentity identity, Profile profile, Instant now) {
        return new User(
                id, identity, profile.email(), profile.verifiedEmail(), profile.displayName(), false, now, now, now);
    }

    public Profile profile() {
        return new Profile(email, verifiedEmail, displayName);
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
        return new User(
                id,
                identity,
                profile.email(),
                profile.verifiedEmail(),
                profile.displayName(),
                admin,
                createdAt,
                updated,
                now);
    }

    public User withAdminFlag(boolean flag, Instant now) {
        return new User(id, identity, email, verifiedEmail, displayName, flag, createdAt, now, lastSeenAt);
    }

    /** The actor this user is in a request whose token grants admin rights ({@code tokenAdmin}) or not. */
    public Actor actor(boolean tokenAdmin) {
        return new Actor(id, admin || tokenAdmin);
    }

    /** {@link #actor(boolean)}, a member of the groups its token lists ({@code groupsOverage}: it could not). */
    public Actor actor(boolean tokenAdmin, Set<GroupId> groups, boolean groupsOverage) {
        return new Actor(id, admin || tokenAdmin, groups, groupsOverage);
    }

    /**
     * What the identity provider says about a user, as opposed to what the registry decides: an e-mail label, the
     * e-mail it vouches for (if any) and a display name.
     */
    public record Profile(Optional<String> email, Optional<String> verifiedEmail, String displayName) {
        public Profile {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(verifiedEmail, "verifiedEmail");
            Objects.requireNonNull(displayName, "displayName");
        }

        /** A profile whose e-mail nobody vouches for. */
        public Profile(Optional<String> email, String displayName) {
            this(email, Optional.empty(), displayName);
        }
    }
}
