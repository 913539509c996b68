package com.mcpregistry.checks;

import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.shared.RegistrationId;
import java.time.Instant;
import java.util.Objects;

/**
 * A check that is due and leased to one instance until {@code leasedUntil}: the remote to check (its URL with any
 * variables filled in by their defaults, and its transport), and how many checks of it failed in a row before.
 */
public record DueCheck(
        RegistrationId registrationId,
        String remoteUrl,
        RemoteTransport transport,
        int failuresInARow,
        Instant leasedUntil) {
    public DueCheck {
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(remoteUrl, "remoteUrl");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(leasedUntil, "leasedUntil");
        if (failuresInARow < 0) {
            throw new IllegalArgumentException("failuresInARow is not negative");
        }
    }
}
