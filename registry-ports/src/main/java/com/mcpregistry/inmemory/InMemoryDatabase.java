package com.mcpregistry.inmemory;

import com.mcpregistry.audit.ChainLink;
import com.mcpregistry.checks.DueCheck;
import com.mcpregistry.core.RegistryCore;
import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.domain.checks.CheckedRemote;
import com.mcpregistry.domain.checks.Health;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.domain.ownership.NamespaceClaim;
import com.mcpregistry.domain.ownership.NamespacePrefix;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.health.port.out.DatabaseHealth;
import com.mcpregistry.registration.port.out.IdempotencyKeys;
import com.mcpregistry.transaction.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The state behind the in-memory adapters, and their {@link Transactions}: one transaction at a time, and a
 * failed one leaves the state as it found it. For tests and for embedders who need no database.
 */
public final class InMemoryDatabase implements Transactions, DatabaseHealth {

    private final ReentrantLock lock = new ReentrantLock();
    private final AuditChain auditChain;
    Map<RegistrationId, Registration> registrations = new LinkedHashMap<>();
    Map<UserId, User> users = new LinkedHashMap<>();
    List<ChainLink> auditEvents = new ArrayList<>();
    Map<String, IdempotencyKeys.Remembered> idempotencyKeys = new LinkedHashMap<>();
    Map<RegistrationId, Publication> publications = new LinkedHashMap<>();
    Map<ServerName, Owners> serverOwners = new LinkedHashMap<>();
    Map<NamespacePrefix, NamespaceClaim> namespaceClaims = new LinkedHashMap<>();
    Map<RemoteKey, ScheduledCheck> checkSchedule = new LinkedHashMap<>();
    List<RemoteCheck> remoteChecks = new ArrayList<>();
    Map<RemoteKey, ApprovalSnapshot> approvalSnapshots = new LinkedHashMap<>();

    /** A database whose audit trail is unkeyed. */
    public InMemoryDatabase() {
        this(AuditChain.unkeyed());
    }

    /** A database whose audit trail hashes with {@code auditChain}'s keys. */
    public InMemoryDatabase(AuditChain auditChain) {
        this.auditChain = auditChain;
    }

    /** What the MCP Registry API knows of a published registration beyond the registration itself. */
    record Publication(Instant publishedAt, boolean latest) {}

    /** One remote of one registration, as checks know it. */
    record RemoteKey(RegistrationId registrationId, String remoteUrl) {}

    /**
     * A scheduled remote: when it is checked next (none: not until it is scheduled again), whether periodically, how
     * its checks went, and which instance has leased its check until when, if one has.
     */
    record ScheduledCheck(
            RemoteTransport transport,
            Optional<Instant> nextDueAt,
            boolean periodic,
            int failuresInARow,
            Health health,
            Optional<Instant> lastCheckedAt,
            Optional<Duration> lastLatency,
            Optional<Instant> leasedUntil,
            Optional<String> leasedBy) {

        boolean leasableAt(Instant now) {
            return nextDueAt.map(due -> !due.isAfter(now)).orElse(false)
                    && leasedUntil.map(until -> !until.isAfter(now)).orElse(true);
        }

        /** Due at {@code nextDueAt}, checked periodically or not, leased as it was. */
        ScheduledCheck dueAt(RemoteTransport transport, Optional<Instant> nextDueAt, boolean periodic) {
            return new ScheduledCheck(
                    transport,
                    nextDueAt,
                    periodic,
                    failuresInARow,
                    health,
                    lastCheckedAt,
                    lastLatency,
                    leasedUntil,
                    leasedBy);
        }

        /** Leased to {@code instance} until {@code until}. */
        ScheduledCheck leasedTo(String instance, Instant until) {
            return new ScheduledCheck(
                    transport,
                    nextDueAt,
                    periodic,
                    failuresInARow,
                    health,
                    lastCheckedAt,
                    lastLatency,
                    Optional.of(until),
                    Optional.of(instance));
        }

        DueCheck due(RemoteKey remote) {
            return new DueCheck(
                    remote.registrationId(),
                    new CheckedRemote(remote.remoteUrl(), transport),
                    failuresInARow,
                    health,
                    leasedBy,
                    leasedUntil);
        }
    }

    /** What an approval saw of a remote's tools, and the tools it drifted to since, if it did. */
    record ApprovalSnapshot(ToolSet tools, Optional<String> driftSha256) {}

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            var savedRegistrations = new LinkedHashMap<>(registrations);
            var savedUsers = new LinkedHashMap<>(users);
            var savedEvents = new ArrayList<>(auditEvents);
            var savedKeys = new LinkedHashMap<>(idempotencyKeys);
            var savedPublications = new LinkedHashMap<>(publications);
            var savedOwners = new LinkedHashMap<>(serverOwners);
            var savedClaims = new LinkedHashMap<>(namespaceClaims);
            var savedSchedule = new LinkedHashMap<>(checkSchedule);
            var savedChecks = new ArrayList<>(remoteChecks);
            var savedSnapshots = new LinkedHashMap<>(approvalSnapshots);
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                registrations = savedRegistrations;
                users = savedUsers;
                auditEvents = savedEvents;
                idempotencyKeys = savedKeys;
                publications = savedPublications;
                serverOwners = savedOwners;
                namespaceClaims = savedClaims;
                checkSchedule = savedSchedule;
                remoteChecks = savedChecks;
                approvalSnapshots = savedSnapshots;
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isUp() {
        return true;
    }

    /** Runs a single read or write atomically, inside the current transaction if there is one. */
    <T> T atomically(Supplier<T> work) {
        return inTransaction(work);
    }

    public InMemoryRegistrationRepository registrationRepository() {
        return new InMemoryRegistrationRepository(this);
    }

    public InMemoryUserRepository userRepository() {
        return new InMemoryUserRepository(this);
    }

    public InMemoryAuditTrail auditTrail() {
        return new InMemoryAuditTrail(this, auditChain);
    }

    public InMemoryIdempotencyKeys idempotencyKeys() {
        return new InMemoryIdempotencyKeys(this);
    }

    public InMemoryPublishedServers publishedServers() {
        return new InMemoryPublishedServers(this);
    }

    public InMemoryQuotaCounts quotaCounts() {
        return new InMemoryQuotaCounts(this);
    }

    public InMemoryServerOwnerRepository serverOwnerRepository() {
        return new InMemoryServerOwnerRepository(this);
    }

    public InMemoryNamespaceClaimRepository namespaceClaimRepository() {
        return new InMemoryNamespaceClaimRepository(this);
    }

    public InMemoryCheckRepository checkRepository() {
        return new InMemoryCheckRepository(this);
    }

    /** Every in-memory adapter, sharing this database's transactions, for {@link RegistryCore#create}. */
    public RegistryCore.Adapters coreAdapters() {
        return new RegistryCore.Adapters(
                registrationRepository(),
                publishedServers(),
                userRepository(),
                auditTrail(),
                idempotencyKeys(),
                this,
                this,
                new InMemoryRateLimitBuckets(Clock.systemUTC()),
                quotaCounts(),
                serverOwnerRepository(),
                namespaceClaimRepository(),
                checkRepository());
    }
}
