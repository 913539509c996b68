package com.mcpregistry.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The result of checking the audit hash chain: how many events were checked and the first that breaks it. */
public record ChainVerification(long eventsChecked, Optional<UUID> firstBrokenEvent) {
    public ChainVerification {
        Objects.requireNonNull(firstBrokenEvent, "firstBrokenEvent");
    }

    public boolean intact() {
        return firstBrokenEvent.isEmpty();
    }
}
