package com.mcpregistry.inmemory;

import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.limits.port.out.QuotaCounts;
import java.time.Instant;

/** {@link QuotaCounts} over an {@link InMemoryDatabase}, whose transactions already run one at a time. */
public final class InMemoryQuotaCounts implements QuotaCounts {
    private final InMemoryDatabase db;

    InMemoryQuotaCounts(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void lockSubmitter(UserId submitter) {
        // Nothing to do: the database's transactions never overlap.
    }

    @Override
    public long pending(UserId submitter, long atMost) {
        return db.atomically(() -> db.registrations.values().stream()
                .filter(r -> !r.isDeleted()
                        && r.status() == RegistrationStatus.PENDING
                        && r.submitterId().equals(submitter))
                .limit(atMost)
                .count());
    }

    @Override
    public long versionsSince(ServerName serverName, Instant since, long atMost) {
        return db.atomically(() -> db.registrations.values().stream()
                .filter(r -> r.serverName().equals(serverName) && r.createdAt().isAfter(since))
                .limit(atMost)
                .count());
    }
}
