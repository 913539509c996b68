package com.mcpregistry.postgres.identity;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.user.EntraIdentity;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.postgres.shared.SqlErrors;
import com.mcpregistry.postgres.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link UserRepository} on the {@code users} table, where (tid, oid) is unique. */
public final class JdbiUserRepository implements UserRepository {

    private static final String COLUMNS =
            "id, tid, oid, email, verified_email, display_name, is_admin, created_at, updated_at, last_seen_at";

    // A concurrent first sign-in of the same identity meets ON CONFLICT and gets the stored user back.
    private static final String UPSERT = "INSERT INTO users (" + COLUMNS + ")"
            + " VALUES (:id, :tid, :oid, :email, :verified_email, :display_name, :is_admin, :created_at, :updated_at, :last_seen_at)"
            + " ON CONFLICT (tid, oid) DO UPDATE SET email = EXCLUDED.email, verified_email = EXCLUDED.verified_email,"
            + " display_name = EXCLUDED.display_name,"
            + " updated_at = EXCLUDED.updated_at, last_seen_at = EXCLUDED.last_seen_at"
            + " RETURNING " + COLUMNS;

    private final Jdbi jdbi;

    public JdbiUserRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<User> findById(UserId id) {
        return SqlErrors.translating(
                () -> jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                        .bind("id", id.value())
                        .map(JdbiUserRepository::map)
                        .findOne()));
    }

    @Override
    public Optional<User> findByIdentity(EntraIdentity identity) {
        return SqlErrors.translating(() -> jdbi.withHandle(
                handle -> handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE tid = :tid AND oid = :oid")
                        .bind("tid", identity.tenantId())
                        .bind("oid", identity.objectId())
                        .map(JdbiUserRepository::map)
                        .findOne()));
    }

    @Override
    public List<User> findByObjectIdOrVerifiedEmail(String emailOrObjectId) {
        if (emailOrObjectId.indexOf('\u0000') >= 0) {
            throw InvalidInput.of("email_or_object_id", "must not contain NUL characters");
        }
        return SqlErrors.translating(() -> jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS
                                + " FROM users WHERE oid = :value OR lower(verified_email) = lower(:value) ORDER BY created_at, id")
                .bind("value", emailOrObjectId)
                .map(JdbiUserRepository::map)
                .list()));
    }

    @Override
    public User save(User user) {
        return SqlErrors.translating(
                Map.of("users_pkey", () -> new Conflict("user " + user.id() + " exists with another identity")),
                () -> jdbi.withHandle(handle -> handle.createQuery(UPSERT)
                        .bind("id", user.id().value())
                        .bind("tid", user.identity().tenantId())
                        .bind("oid", user.identity().objectId())
                        .bind("email", user.email().orElse(null))
                        .bind("verified_email", user.verifiedEmail().orElse(null))
                        .bind("display_name", user.displayName())
                        .bind("is_admin", user.admin())
                        .bindByType("created_at", Timestamps.of(user.createdAt()), OffsetDateTime.class)
                        .bindByType("updated_at", Timestamps.of(user.updatedAt()), OffsetDateTime.class)
                        .bindByType("last_seen_at", Timestamps.of(user.lastSeenAt()), OffsetDateTime.class)
                        .map(JdbiUserRepository::map)
                        .one()));
    }

    @Override
    public void setAdminFlag(UserId id, boolean admin, Instant now) {
        int updated = SqlErrors.translating(() -> jdbi.withHandle(
                handle -> handle.createUpdate("UPDATE users SET is_admin = :admin, updated_at = :now WHERE id = :id")
                        .bind("admin", admin)
                        .bindByType("now", Timestamps.of(now), OffsetDateTime.class)
                        .bind("id", id.value())
                        .execute()));
        if (updated == 0) {
            throw new NotFound("no user " + id);
        }
    }

    private static User map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(
                new UserId(rs.getObject("id", UUID.class)),
                new EntraIdentity(rs.getString("tid"), rs.getString("oid")),
                Optional.ofNullable(rs.getString("email")),
                Optional.ofNullable(rs.getString("verified_email")),
                rs.getString("display_name"),
                rs.getBoolean("is_admin"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"),
                Timestamps.read(rs, "last_seen_at"));
    }
}
