package com.mcpregistry.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The result of checking the audit hash chain: how many events were checked, how many of them are unkeyed (written
 * before the chain had keys), how many checkpoints were checked against it, and what breaks it, if anything.
 */
public record ChainVerification(
        long eventsChecked, long unkeyedEvents, int checkpointsChecked, Optional<Break> broken) {
    public ChainVerification {
        Objects.requireNonNull(broken, "broken");
    }

    /** Where the chain breaks (an event, or none when events are missing at its end) and why, in words. */
    public record Break(Optional<UUID> event, String reason) {
        public Break {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public boolean intact() {
        return broken.isEmpty();
    }

    /** The first event that breaks the chain, if an event does. */
    public Optional<UUID> firstBrokenEvent() {
        return broken.flatMap(Break::event);
    }
}
