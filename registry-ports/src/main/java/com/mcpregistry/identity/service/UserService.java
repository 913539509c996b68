package com.mcpregistry.identity.service;

import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.GroupId;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.identity.SignedIn;
import com.mcpregistry.identity.VerifiedToken;
import com.mcpregistry.identity.port.in.FindUserUseCase;
import com.mcpregistry.identity.port.in.ManageAdminsUseCase;
import com.mcpregistry.identity.port.in.SignInUseCase;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.transaction.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The user use cases: signing in from a token, reading users, and the break-glass admin flag. */
public final class UserService implements SignInUseCase, FindUserUseCase, ManageAdminsUseCase {

    private final UserRepository users;
    private final AuditTrail auditTrail;
    private final Transactions transactions;
    private final Clock clock;

    public UserService(UserRepository users, AuditTrail auditTrail, Transactions transactions, Clock clock) {
        this.users = users;
        this.auditTrail = auditTrail;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public SignedIn signIn(VerifiedToken token) {
        Instant now = now();
        User user = users.findByIdentity(token.identity())
                .map(known -> {
                    User seen = known.seenAgain(token.profile(), now);
                    return seen == known ? known : users.save(seen);
                })
                .orElseGet(() -> users.save(User.firstSeen(UserId.random(), token.identity(), token.profile(), now)));
        return new SignedIn(user, user.actor(token.admin(), groupsOf(token), token.groupsOverage()));
    }

    /**
     * The groups {@code token} lists that can own something: Entra ID object ids. Anything else a groups claim may
     * carry (on-premises names, when so configured) names no group the registry knows.
     */
    private static Set<GroupId> groupsOf(VerifiedToken token) {
        return token.groups().stream()
                .flatMap(raw -> {
                    try {
                        return Stream.of(GroupId.parse("groups", raw));
                    } catch (InvalidInput notAnObjectId) {
                        return Stream.empty();
                    }
                })
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public User get(Actor actor, UserId id) {
        return users.findById(id)
                .filter(user -> actor.admin() || actor.is(user.id()))
                .orElseThrow(() -> new NotFound("no user " + id));
    }

    @Override
    public User grant(String emailOrObjectId) {
        return setAdminFlag(emailOrObjectId, true);
    }

    @Override
    public User revoke(String emailOrObjectId) {
        return setAdminFlag(emailOrObjectId, false);
    }

    private User setAdminFlag(String emailOrObjectId, boolean admin) {
        return transactions.inTransaction(() -> {
            Instant now = now();
            User changed = new UserDirectory(users).named(emailOrObjectId).withAdminFlag(admin, now);
            users.setAdminFlag(changed.id(), admin, now);
            auditTrail.append(new AuditEvent(
                    UUID.randomUUID(),
                    now,
                    Optional.empty(),
                    admin ? AuditAction.ADMIN_GRANTED : AuditAction.ADMIN_REVOKED,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("user " + changed.id() + " (oid "
                            + changed.identity().objectId() + ")"),
                    Optional.empty(),
                    List.of()));
            return changed;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
