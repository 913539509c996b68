package com.mcpregistry.ownership.service;

import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.audit.FieldChange;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.ownership.NamespaceClaim;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.domain.ownership.NamespacePrefix;
import com.mcpregistry.domain.ownership.NotAnOwner;
import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.ownership.Ownership;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.identity.service.UserDirectory;
import com.mcpregistry.ownership.By;
import com.mcpregistry.ownership.ClaimOutcome;
import com.mcpregistry.ownership.ClaimedNamespace;
import com.mcpregistry.ownership.OwnerReference;
import com.mcpregistry.ownership.OwnersOfServer;
import com.mcpregistry.ownership.port.in.ManageNamespacesUseCase;
import com.mcpregistry.ownership.port.in.ManageOwnersUseCase;
import com.mcpregistry.ownership.port.out.NamespaceClaimRepository;
import com.mcpregistry.ownership.port.out.ServerOwnerRepository;
import com.mcpregistry.transaction.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Owners and namespace claims. Every change is stored with its audit event in one transaction; changes of a server's
 * owners hold the server's lock, so two owners removing each other at once cannot leave it with none.
 */
public final class OwnershipService implements ManageOwnersUseCase, ManageNamespacesUseCase {
    private final ServerOwnerRepository owners;
    private final NamespaceClaimRepository claims;
    private final UserRepository users;
    private final ServerOwnership ownership;
    private final AuditTrail auditTrail;
    private final Transactions transactions;
    private final Clock clock;

    public OwnershipService(
            ServerOwnerRepository owners,
            NamespaceClaimRepository claims,
            UserRepository users,
            ServerOwnership ownership,
            AuditTrail auditTrail,
            Transactions transactions,
            Clock clock) {
        this.owners = owners;
        this.claims = claims;
        this.users = users;
        this.ownership = ownership;
        this.auditTrail = auditTrail;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public OwnersOfServer owners(ServerName server) {
        return named(server, existing(server));
    }

    @Override
    public OwnersOfServer add(By by, ServerName server, OwnerReference owner, Optional<String> requestId) {
        return change(by, server, AuditAction.OWNER_ADDED, requestId, current -> {
            requireMayManage(by, server, current);
            return current.with(resolve(owner));
        });
    }

    @Override
    public OwnersOfServer remove(By by, ServerName server, OwnerReference owner, Optional<String> requestId) {
        return change(by, server, AuditAction.OWNER_REMOVED, requestId, current -> {
            requireMayManage(by, server, current);
            Owner removed = resolve(owner);
            if (!current.contains(removed)) {
                throw new NotFound(removed.wireName() + " is not an owner of " + server);
            }
            return current.without(removed);
        });
    }

    @Override
    public OwnersOfServer transfer(By by, ServerName server, List<OwnerReference> to, Optional<String> requestId) {
        if (to.isEmpty()) {
            throw InvalidInput.of("owners", "must name at least one owner: a server is never without one");
        }
        return change(by, server, AuditAction.SERVER_TRANSFERRED, requestId, current -> {
            by.actor().ifPresent(actor -> Ownership.requireAdmin(actor, "transfer a server"));
            return new Owners(to.stream().map(this::resolve).toList());
        });
    }

    /** Applies {@code step} to {@code server}'s owners under its lock, and stores the result with its audit event. */
    private OwnersOfServer change(
            By by, ServerName server, AuditAction action, Optional<String> requestId, UnaryOperator<Owners> step) {
        try {
            return transactions.inTransaction(() -> {
                owners.lock(server);
                Owners current = existing(server);
                Owners next = step.apply(current);
                if (!next.equals(current)) {
                    Instant now = now();
                    owners.save(server, next, now);
                    auditTrail.append(event(
                            by, action, "server " + server, Optional.of(current), Optional.of(next), now, requestId));
                }
                return named(server, next);
            });
        } catch (NotAnOwner refusal) {
            throw ownership.explained(refusal);
        }
    }

    private static void requireMayManage(By by, ServerName server, Owners current) {
        by.actor().ifPresent(actor -> Ownership.requireMayManage(actor, server, current));
    }

    @Override
    public List<ClaimedNamespace> claims() {
        return claims.all().stream().map(this::named).toList();
    }

    @Override
    public NamespacePolicy policy() {
        return ownership.policy();
    }

    @Override
    public ClaimOutcome claim(
            By by, NamespacePrefix prefix, List<OwnerReference> claimants, Optional<String> requestId) {
        by.actor().ifPresent(actor -> Ownership.requireAdmin(actor, "claim a namespace"));
        if (claimants.isEmpty()) {
            throw InvalidInput.of("owners", "must name at least one owner of the claim");
        }
        return transactions.inTransaction(() -> {
            Instant now = now();
            NamespaceClaim claim = new NamespaceClaim(
                    prefix, new Owners(claimants.stream().map(this::resolve).toList()), by.userId(), now);
            if (claims.find(prefix).isPresent()) {
                throw new Conflict(
                        "the namespace " + prefix + " is claimed already; release it first to change" + " its owners");
            }
            claims.insert(claim);
            auditTrail.append(event(
                    by,
                    AuditAction.NAMESPACE_CLAIMED,
                    "namespace " + prefix,
                    Optional.empty(),
                    Optional.of(claim.owners()),
                    now,
                    requestId));
            return new ClaimOutcome(
                    named(claim),
                    owners.ownedOutside(prefix, claim.owners(), ClaimOutcome.MAX_LISTED).stream()
                            .map(server -> named(server.server(), server.owners()))
                            .toList(),
                    owners.countOwnedOutside(prefix, claim.owners()));
        });
    }

    @Override
    public ClaimedNamespace release(By by, NamespacePrefix prefix, Optional<String> requestId) {
        by.actor().ifPresent(actor -> Ownership.requireAdmin(actor, "release a namespace"));
        return transactions.inTransaction(() -> {
            NamespaceClaim claim =
                    claims.find(prefix).orElseThrow(() -> new NotFound("the namespace " + prefix + " is not claimed"));
            claims.delete(prefix);
            auditTrail.append(event(
                    by,
                    AuditAction.NAMESPACE_RELEASED,
                    "namespace " + prefix,
                    Optional.of(claim.owners()),
                    Optional.empty(),
                    now(),
                    requestId));
            return named(claim);
        });
    }

    /** The owner {@code reference} names; a user must have signed in once. */
    private Owner resolve(OwnerReference reference) {
        if (reference instanceof OwnerReference.Resolved resolved) {
            if (resolved.owner() instanceof Owner.OfUser user
                    && users.findById(user.userId()).isEmpty()) {
                throw new NotFound("no user has the id " + user.userId());
            }
            return resolved.owner();
        }
        String named = ((OwnerReference.UserLookup) reference).objectIdOrVerifiedEmail();
        // An e-mail or object id names a user as for admin grant; group:<id> names a group.
        return Owner.user(new UserDirectory(users).named(named).id());
    }

    private Owners existing(ServerName server) {
        return owners.find(server).orElseThrow(() -> new NotFound("no server is named " + server));
    }

    private OwnersOfServer named(ServerName server, Owners of) {
        return new OwnersOfServer(server, ownership.named(of));
    }

    private ClaimedNamespace named(NamespaceClaim claim) {
        return new ClaimedNamespace(claim, ownership.named(claim.owners()));
    }

    /** The audit event of a change of {@code subject}'s owners from {@code before} to {@code after} (none: no claim). */
    private static AuditEvent event(
            By by,
            AuditAction action,
            String subject,
            Optional<Owners> before,
            Optional<Owners> after,
            Instant now,
            Optional<String> requestId) {
        return new AuditEvent(
                UUID.randomUUID(),
                now,
                by.userId(),
                action,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(subject),
                requestId,
                List.of(FieldChange.of("owners", before.map(Owners::toString), after.map(Owners::toString))));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
