package com.mcpregistry.ownership;

import java.util.List;
import java.util.Objects;

/**
 * A new claim, and the servers under it that keep owners outside the claim: a claim never re-owns an existing server,
 * so an administrator decides about each (transfer it, or add the claim's owners). {@code conflicts} lists the first
 * {@link #MAX_LISTED} of {@code conflictCount}.
 */
public record ClaimOutcome(ClaimedNamespace claimed, List<OwnersOfServer> conflicts, long conflictCount) {
    public static final int MAX_LISTED = 100;

    public ClaimOutcome {
        Objects.requireNonNull(claimed, "claimed");
        conflicts = List.copyOf(conflicts);
    }
}
