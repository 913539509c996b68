package com.mcpregistry.domain.checks;

import com.mcpregistry.domain.WireNames;

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

    /**
     * The health of a remote after a check that ended with {@code outcome}, {@code failuresInARow} failed checks in a
     * row counting it, when it was {@code previous} before: a failure short of
     * {@value #FAILURES_TO_UNREACHABLE} in a row keeps what the last answer said.
     */
    public static Health after(Health previous, ProbeOutcome outcome, int failuresInARow) {
        return switch (outcome) {
            case REACHABLE -> HEALTHY;
            case REQUIRES_AUTH -> REQUIRES_AUTH;
            case BLOCKED_ADDRESS -> BLOCKED_ADDRESS;
            default -> {
                if (failuresInARow >= FAILURES_TO_UNREACHABLE) {
                    yield UNREACHABLE;
                }
                yield previous == HEALTHY || previous == REQUIRES_AUTH ? previous : UNKNOWN;
            }
        };
    }

    /** The health a remote's wire name stands for, as stored. */
    public static Health parse(String field, String raw) {
        return WireNames.parse(field, raw, values(), Health::wireName);
    }

    /** How much this health should worry a reader: the registration's health is its most worrying remote's. */
    public int concern() {
        return switch (this) {
            case HEALTHY -> 0;
            case REQUIRES_AUTH -> 1;
            case UNKNOWN -> 2;
            case UNREACHABLE -> 3;
            case BLOCKED_ADDRESS -> 4;
        };
    }
}
