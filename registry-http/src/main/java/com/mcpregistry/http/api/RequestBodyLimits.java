package com.mcpregistry.http.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a request body may take to arrive, and how many bodies one client address may have arriving at once:
 * the bounds on a client that sends its body slowly (see {@link RequestBodies}).
 */
public record RequestBodyLimits(Duration timeout, int arrivingPerClient) {
    /** 20 s for at most 64 KiB is a little over 3 KiB/s; a body that arrives with its headers is never counted. */
    public static final RequestBodyLimits DEFAULTS = new RequestBodyLimits(Duration.ofSeconds(20), 64);

    public RequestBodyLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the body timeout must be positive: " + timeout);
        }
        if (arrivingPerClient < 1) {
            throw new IllegalArgumentException("at least one body per client must be allowed: " + arrivingPerClient);
        }
    }
}
