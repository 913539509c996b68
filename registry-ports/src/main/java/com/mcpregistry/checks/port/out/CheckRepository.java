package com.mcpregistry.checks.port.out;

import com.mcpregistry.checks.DueCheck;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.shared.RegistrationId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where checks are scheduled, leased and kept. Leases let any number of instances share the due checks: a check
 * leased to one instance is not leased to another until its lease expires (so a killed instance's checks are taken
 * up again), and a recorded check is due again only at the time its recording gives.
 */
public interface CheckRepository {

    /** Makes the check of {@code remoteUrl} of {@code registration} due at {@code dueAt} (earlier if it is later). */
    void schedule(RegistrationId registration, String remoteUrl, RemoteTransport transport, Instant dueAt);

    /** Stops checking every remote of {@code registration} (deleted, or no longer published). */
    void unschedule(RegistrationId registration);

    /**
     * Up to {@code limit} checks due at {@code now}, not leased or whose lease has expired, now leased to
     * {@code instance} for {@code leaseFor}; oldest due first.
     */
    List<DueCheck> lease(String instance, int limit, Instant now, Duration leaseFor);

    /**
     * Keeps {@code check} (with the latest {@code keep} of its remote), ends its lease and makes it due again at
     * {@code nextDue}, after {@code failuresInARow} failed checks in a row.
     */
    void record(RemoteCheck check, int failuresInARow, Instant nextDue, int keep);

    /** The latest checks of {@code registration}'s remotes, newest first, at most {@code limit}. */
    List<RemoteCheck> recent(RegistrationId registration, int limit);

    /** Keeps {@code tools} as what the approval of {@code registration} saw of {@code remoteUrl}. */
    void keepApprovalSnapshot(RegistrationId registration, String remoteUrl, ToolSet tools);

    /** What the approval of {@code registration} saw of {@code remoteUrl}'s tools, if it saw any. */
    Optional<ToolSet> approvalSnapshot(RegistrationId registration, String remoteUrl);
}
