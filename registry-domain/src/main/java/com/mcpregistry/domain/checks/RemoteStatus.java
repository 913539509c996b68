package com.mcpregistry.domain.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the registry says of one remote of a registration now: its health, when it was last checked and how long that
 * check took, and whether its tools drifted from what the registration's approval saw.
 */
public record RemoteStatus(
        String remoteUrl, Health health, Optional<Instant> checkedAt, Optional<Duration> latency, boolean drifted) {

    public RemoteStatus {
        Objects.requireNonNull(remoteUrl, "remoteUrl");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(latency, "latency");
    }

    /** A remote not checked yet. */
    public static RemoteStatus unchecked(String remoteUrl) {
        return new RemoteStatus(remoteUrl, Health.UNKNOWN, Optional.empty(), Optional.empty(), false);
    }
}
