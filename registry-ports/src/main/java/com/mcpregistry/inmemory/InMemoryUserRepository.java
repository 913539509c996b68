package com.mcpregistry.inmemory;

import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.user.EntraIdentity;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.identity.port.out.UserRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link UserRepository} over an {@link InMemoryDatabase}. */
public final class InMemoryUserRepository implements UserRepository {

    private final InMemoryDatabase db;

    InMemoryUserRepository(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<User> findById(UserId id) {
        return db.atomically(() -> Optional.ofNullable(db.users.get(id)));
    }

    @Override
    public Optional<User> findByIdentity(EntraIdentity identity) {
        return db.atomically(() -> db.users.values().stream()
                .filter(u -> u.identity().equals(identity))
                .findFirst());
    }

    @Override
    public List<User> findByObjectIdOrVerifiedEmail(String emailOrObjectId) {
        return db.atomically(() -> db.users.values().stream()
                .filter(u -> u.identity().objectId().equals(emailOrObjectId)
                        || u.verifiedEmail()
                                .map(e -> e.equalsIgnoreCase(emailOrObjectId))
                                .orElse(false))
                .toList());
    }

    @Override
    public User save(User user) {
        return db.atomically(() -> {
            User stored = findByIdentity(user.identity())
                    .map(existing -> new User(
                            existing.id(),
                            existing.identity(),
                            user.email(),
                            user.verifiedEmail(),
                            user.displayName(),
                            existing.admin(),
                            existing.createdAt(),
                            user.updatedAt(),
                            user.lastSeenAt()))
                    .orElse(user);
            db.users.put(stored.id(), stored);
            return stored;
        });
    }

    @Override
    public void setAdminFlag(UserId id, boolean admin, Instant now) {
        db.atomically(() -> {
            User user = Optional.ofNullable(db.users.get(id)).orElseThrow(() -> new NotFound("no user " + id));
            db.users.put(id, user.withAdminFlag(admin, now));
            return null;
        });
    }
}
