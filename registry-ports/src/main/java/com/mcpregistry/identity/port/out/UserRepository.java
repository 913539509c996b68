package com.mcpregistry.identity.port.out;

import com.mcpregistry.domain.user.EntraIdentity;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where users are kept, keyed by their Entra identity (tenant and object id). */
public interface UserRepository {

    Optional<User> findById(UserId id);

    Optional<User> findByIdentity(EntraIdentity identity);

    /**
     * Users whose object id is {@code emailOrObjectId}, or whose verified e-mail is (case-insensitive). An e-mail
     * nobody vouches for never matches: a user may have chosen it.
     */
    List<User> findByObjectIdOrVerifiedEmail(String emailOrObjectId);

    /**
     * Stores {@code user}: inserts it, or, when a user with the same identity exists already, updates that one's
     * profile and times. Returns the stored user (whose id is the existing one's after a concurrent first sign-in).
     */
    User save(User user);

    /** Sets the break-glass admin flag of an existing user. */
    void setAdminFlag(UserId id, boolean admin, Instant now);
}
