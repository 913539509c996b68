package com.mcpregistry.domain.checks;

import com.mcpregistry.domain.shared.RegistrationId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One check of one remote of a registration: which, when, and what it found. */
public record RemoteCheck(RegistrationId registrationId, String remoteUrl, Instant checkedAt, ProbeReport report) {
    public RemoteCheck {
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(remoteUrl, "remoteUrl");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(report, "report");
    }

    /** Of {@code newestFirst}, the latest check that reached {@code remoteUrl}: the tools a server lists now. */
    public static Optional<RemoteCheck> latestReaching(List<RemoteCheck> newestFirst, String remoteUrl) {
        return newestFirst.stream()
                .filter(check -> check.remoteUrl().equals(remoteUrl))
                .filter(check -> check.report().outcome() == ProbeOutcome.REACHABLE)
                .findFirst();
    }
}
