package com.mcpregistry.checks;

import com.mcpregistry.domain.checks.CheckedRemote;
import com.mcpregistry.domain.checks.Health;
import com.mcpregistry.domain.shared.RegistrationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A check to run: the remote to check, how many checks of it failed in a row before and the health they left it in;
 * and, when an instance leased it from the schedule, which instance until when.
 */
public record DueCheck(
        RegistrationId registrationId,
        CheckedRemote remote,
        int failuresInARow,
        Health health,
        Optional<String> leasedBy,
        Optional<Instant> leasedUntil) {
    public DueCheck {
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(leasedBy, "leasedBy");
        Objects.requireNonNull(leasedUntil, "leasedUntil");
        if (failuresInARow < 0) {
            throw new IllegalArgumentException("failuresInARow is not negative");
        }
        if (leasedBy.isPresent() != leasedUntil.isPresent()) {
            throw new IllegalArgumentException("a lease names its instance and its end");
        }
    }

    /** A check of a remote never checked before, asked for now rather than leased. */
    public static DueCheck firstOf(RegistrationId registrationId, CheckedRemote remote) {
        return new DueCheck(registrationId, remote, 0, Health.UNKNOWN, Optional.empty(), Optional.empty());
    }

    /** This check as one asked for now: the same remote and history, run under no lease. */
    public DueCheck unleased() {
        return new DueCheck(registrationId, remote, failuresInARow, health, Optional.empty(), Optional.empty());
    }

    public String remoteUrl() {
        return remote.url();
    }
}
