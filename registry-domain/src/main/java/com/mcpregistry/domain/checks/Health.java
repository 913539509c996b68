package com.mcpregistry.domain.checks;

import java.util.List;

/**
 * What the registry says of a remote from its recent checks: {@code healthy} when the last check that found a server
 * found it answering, {@code requires_auth} when it asked for credentials, {@code unreachable} after
 * {@value #FAILURES_TO_UNREACHABLE} failed checks in a row, {@code blocked_address} when its address is one the
 * registry does not connect to, {@code unknown} before any of these can be said. One or two failed checks do not
 * change what the checks before them found.
 */
public enum Health {
    HEALTHY("healthy"),
    REQUIRES_AUTH("requires_auth"),
    UNREACHABLE("unreachable"),
    BLOCKED_ADDRESS("blocked_address"),
    UNKNOWN("unknown");

    public static final int FAILURES_TO_UNREACHABLE = 3;

    private final String wireName;

    Health(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The health that the outcomes of a remote's recent checks, newest first, say. */
    public static Health of(List<ProbeOutcome> newestFirst) {
        if (newestFirst.isEmpty()) {
            return UNKNOWN;
        }
        if (newestFirst.get(0) == ProbeOutcome.BLOCKED_ADDRESS) {
            return BLOCKED_ADDRESS;
        }
        int failures = 0;
        for (ProbeOutcome outcome : newestFirst) {
            if (outcome == ProbeOutcome.REACHABLE) {
                return failures >= FAILURES_TO_UNREACHABLE ? UNREACHABLE : HEALTHY;
            }
            if (outcome == ProbeOutcome.REQUIRES_AUTH) {
                return failures >= FAILURES_TO_UNREACHABLE ? UNREACHABLE : REQUIRES_AUTH;
            }
            failures++;
        }
        return failures >= FAILURES_TO_UNREACHABLE ? UNREACHABLE : UNKNOWN;
    }
}
