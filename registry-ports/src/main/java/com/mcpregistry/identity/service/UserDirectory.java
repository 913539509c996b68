package com.mcpregistry.identity.service;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.identity.port.out.UserRepository;
import java.util.List;

/** How an operator or an administrator names a user: by Entra object id or by the e-mail Entra ID vouches for. */
public final class UserDirectory {
    private final UserRepository users;

    public UserDirectory(UserRepository users) {
        this.users = users;
    }

    /**
     * The one user {@code emailOrObjectId} names.
     *
     * @throws NotFound when nobody signed in with it (yet)
     * @throws Conflict when it names several users
     */
    public User named(String emailOrObjectId) {
        List<User> matches = users.findByObjectIdOrVerifiedEmail(emailOrObjectId);
        if (matches.isEmpty()) {
            throw new NotFound("no user has the object id or verified e-mail " + emailOrObjectId
                    + "; they must sign in once first, and an e-mail names a user only when Entra ID vouches for"
                    + " it (the verified_primary_email claim, or email with xms_edov): otherwise give the object"
                    + " id");
        }
        if (matches.size() > 1) {
            throw new Conflict(matches.size() + " users match " + emailOrObjectId + "; give the object id");
        }
        return matches.get(0);
    }
}
