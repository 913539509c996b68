package com.mcpregistry.checks;

import com.mcpregistry.domain.checks.Health;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a recorded check leaves in the schedule: the failures in a row it ends, the remote's health, and when the
 * remote is due again if it is checked periodically ({@code nextDue}; a remote not checked periodically is not due
 * again). {@code leasedBy} is the instance whose lease the check ran under, if it was leased: the schedule is updated
 * only while that lease is still the instance's.
 */
public record CheckOutcome(Optional<String> leasedBy, int failuresInARow, Health health, Instant nextDue) {
    public CheckOutcome {
        Objects.requireNonNull(leasedBy, "leasedBy");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(nextDue, "nextDue");
        if (failuresInARow < 0) {
            throw new IllegalArgumentException("failuresInARow is not negative");
        }
    }
}
