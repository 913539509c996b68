package com.mcpregistry.domain.checks;

import com.mcpregistry.domain.shared.RegistrationId;
import java.time.Instant;
import java.util.Objects;

/** One check of one remote of a registration: which, when, and what it found. */
public record RemoteCheck(RegistrationId registrationId, String remoteUrl, Instant checkedAt, ProbeReport report) {
    public RemoteCheck {
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(remoteUrl, "remoteUrl");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(report, "report");
    }
}
