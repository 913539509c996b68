package com.mcpregistry.domain.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the registry says of a registration's remotes: each remote's status and, for the registration as a whole, its
 * most worrying remote's health, the latest check of any remote and whether any remote's tools drifted. A
 * registration with no remote (local packages only) is {@code unknown}: the registry does not start packages.
 */
public record RegistrationHealth(List<RemoteStatus> remotes) {

    public static final RegistrationHealth NONE = new RegistrationHealth(List.of());

    public RegistrationHealth {
        remotes = List.copyOf(remotes);
    }

    public Health health() {
        return remotes.stream()
                .map(RemoteStatus::health)
                .max(Comparator.comparingInt(Health::concern))
                .orElse(Health.UNKNOWN);
    }

    /** The latest check of any remote. */
    public Optional<Instant> checkedAt() {
        return latestChecked().flatMap(RemoteStatus::checkedAt);
    }

    /** How long the latest check of any remote took. */
    public Optional<Duration> latency() {
        return latestChecked().flatMap(RemoteStatus::latency);
    }

    public boolean drifted() {
        return remotes.stream().anyMatch(RemoteStatus::drifted);
    }

    private Optional<RemoteStatus> latestChecked() {
        return remotes.stream()
                .filter(remote -> remote.checkedAt().isPresent())
                .max(Comparator.comparing(remote -> remote.checkedAt().orElseThrow()));
    }
}
