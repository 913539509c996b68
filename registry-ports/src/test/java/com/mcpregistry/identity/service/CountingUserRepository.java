package com.mcpregistry.identity.service;

import com.mcpregistry.domain.user.EntraIdentity;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.identity.port.out.UserRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Delegates to a real repository and counts the writes, so tests can tell a sign-in that wrote nothing. */
final class CountingUserRepository implements UserRepository {
    private final UserRepository delegate;
    int saves;
    int adminFlagWrites;

    CountingUserRepository(UserRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<User> findById(UserId id) {
        return delegate.findById(id);
    }

    @Override
    public Optional<User> findByIdentity(EntraIdentity identity) {
        return delegate.findByIdentity(identity);
    }

    @Override
    public List<User> findByObjectIdOrVerifiedEmail(String emailOrObjectId) {
        return delegate.findByObjectIdOrVerifiedEmail(emailOrObjectId);
    }

    @Override
    public User save(User user) {
        saves++;
        return delegate.save(user);
    }

    @Override
    public void setAdminFlag(UserId id, boolean admin, Instant now) {
        adminFlagWrites++;
        delegate.setAdminFlag(id, admin, now);
    }
}
