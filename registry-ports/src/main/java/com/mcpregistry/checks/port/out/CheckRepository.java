package com.mcpregistry.checks.port.out;

import com.mcpregistry.checks.CheckOutcome;
import com.mcpregistry.checks.DueCheck;
import com.mcpregistry.domain.checks.CheckedRemote;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.RemoteStatus;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.domain.shared.RegistrationId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where checks are scheduled, leased and kept. Leases let any number of instances share the due checks: a check
 * leased to one instance is not leased to another until its lease expires (so a killed instance's checks are taken
 * up again), and a recorded check is due again only at the time its recording gives, and only if its remote is
 * checked periodically (published versions); other remotes are checked once when scheduled.
 */
public interface CheckRepository {

    /** How many of the latest checks of each remote are kept. */
    int KEPT_CHECKS = 100;

    /**
     * Makes the check of {@code remote} of {@code registration} due at {@code dueAt} (or when it was due, if
     * earlier), and checked periodically after that or not.
     */
    void schedule(RegistrationId registration, CheckedRemote remote, Instant dueAt, boolean periodic);

    /**
     * Checks every scheduled remote of {@code registration} periodically or not from now on; a remote that becomes
     * periodic and is not due is due at {@code now}.
     */
    void setPeriodic(RegistrationId registration, boolean periodic, Instant now);

    /** Stops checking every remote of {@code registration} (deleted, or its remotes replaced); its checks stay. */
    void unschedule(RegistrationId registration);

    /**
     * Up to {@code limit} checks due at {@code now}, not leased or whose lease has expired, now leased to
     * {@code instance} for {@code leaseFor}; oldest due first.
     */
    List<DueCheck> lease(String instance, int limit, Instant now, Duration leaseFor);

    /** The scheduled checks of {@code registration}'s remotes, leased or not, as they stand. */
    List<DueCheck> scheduled(RegistrationId registration);

    /**
     * Keeps {@code check} (with the latest {@code keep} of its remote) and updates its remote's schedule as
     * {@code outcome} says, ending the lease it ran under.
     */
    void record(RemoteCheck check, CheckOutcome outcome, int keep);

    /** The latest checks of {@code registration}'s remotes, newest first, at most {@code limit}. */
    List<RemoteCheck> recent(RegistrationId registration, int limit);

    /** The status of each scheduled remote of each of {@code registrations} that has one. */
    Map<RegistrationId, List<RemoteStatus>> statuses(Collection<RegistrationId> registrations);

    /** Keeps {@code tools} as what the approval of {@code registration} saw of {@code remoteUrl}; no drift since. */
    void keepApprovalSnapshot(RegistrationId registration, String remoteUrl, ToolSet tools);

    /** What the approval of {@code registration} saw of {@code remoteUrl}'s tools, if it saw any. */
    Optional<ToolSet> approvalSnapshot(RegistrationId registration, String remoteUrl);

    /**
     * Marks {@code remoteUrl} of {@code registration} as drifted to the tools hashed {@code toolsSha256} at {@code at}:
     * true if it was not marked drifted to these tools already (a new drift), false otherwise. A remote without an
     * approval snapshot is never marked.
     */
    boolean markDrift(RegistrationId registration, String remoteUrl, String toolsSha256, Instant at);
}
