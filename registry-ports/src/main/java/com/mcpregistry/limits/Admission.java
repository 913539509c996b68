package com.mcpregistry.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer to one request counted against a {@link RateLimitPolicy}: whether it may go on, how many requests the
 * caller has left in the window, and how long until the window's quota is given back (for a refused request: how
 * long to wait).
 */
public record Admission(RateLimitPolicy policy, boolean admitted, long remaining, Duration reset) {
    public Admission {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(reset, "reset");
        remaining = Math.max(0, remaining);
        reset = reset.isNegative() ? Duration.ZERO : reset;
    }

    /** Whole seconds until the quota is given back, rounded up: at least 1 for a refused request. */
    public long resetSeconds() {
        long seconds = reset.toSeconds() + (reset.toNanosPart() > 0 ? 1 : 0);
        return admitted ? seconds : Math.max(1, seconds);
    }
}
