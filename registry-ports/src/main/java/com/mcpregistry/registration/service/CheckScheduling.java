package com.mcpregistry.registration.service;

import com.mcpregistry.checks.port.out.CheckRepository;
import com.mcpregistry.domain.checks.CheckedRemote;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.shared.RegistrationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the check schedule in step with the registrations, in the transaction of each registration write: a
 * submitted version's remotes are checked once, at once; a published (Approved or Deprecated) version's remotes
 * periodically; a version whose remotes an edit replaced has the new ones checked at once; a deleted version's
 * remotes not at all. When a version is approved, what the latest check that reached each remote found becomes
 * what its approval saw, the snapshot drift is judged against (none if no check reached it yet: then the first check
 * that does after the approval is the snapshot).
 */
public final class CheckScheduling {

    /** For a registry that keeps no checks. */
    public static final CheckScheduling NONE = new CheckScheduling(null);

    private final CheckRepository checks;

    public CheckScheduling(CheckRepository checks) {
        this.checks = checks;
    }

    /** {@code submitted} was just stored, at {@code now}. */
    public void submitted(Registration submitted, Instant now) {
        if (checks != null) {
            scheduleAll(submitted, now);
        }
    }

    /** {@code before} was just stored as {@code after}, at {@code now}. */
    public void changed(Registration before, Registration after, Instant now) {
        if (checks == null) {
            return;
        }
        if (after.isDeleted()) {
            checks.unschedule(after.id());
            return;
        }
        if (!remotesOf(before).equals(remotesOf(after))) {
            checks.unschedule(after.id());
            scheduleAll(after, now);
        } else if (before.status().isPublished() != after.status().isPublished()) {
            checks.setPeriodic(after.id(), after.status().isPublished(), now);
        }
        if (after.status() == RegistrationStatus.APPROVED && before.status() != RegistrationStatus.APPROVED) {
            keepApprovalSnapshots(after);
        }
    }

    private void scheduleAll(Registration registration, Instant now) {
        boolean periodic = registration.status().isPublished();
        remotesOf(registration).forEach(remote -> checks.schedule(registration.id(), remote, now, periodic));
    }

    private void keepApprovalSnapshots(Registration approved) {
        List<RemoteCheck> recent = checks.recent(approved.id(), CheckRepository.KEPT_CHECKS);
        for (CheckedRemote remote : remotesOf(approved)) {
            RemoteCheck.latestReaching(recent, remote.url())
                    .ifPresent(check -> checks.keepApprovalSnapshot(
                            approved.id(), remote.url(), check.report().tools()));
        }
    }

    private static List<CheckedRemote> remotesOf(Registration registration) {
        return CheckedRemote.of(Objects.requireNonNull(registration).details().definition());
    }
}
