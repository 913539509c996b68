package com.mcpregistry.limits.port.out;

import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.UserId;
import java.time.Instant;

/**
 * What the quotas count, read inside the transaction of the write they guard. Each count stops at {@code atMost}, so
 * that checking a quota costs no more than the quota itself, however much a caller holds.
 */
public interface QuotaCounts {

    /**
     * Makes concurrent submissions of {@code submitter} take turns until the current transaction ends, so that each
     * counts what the one before it added.
     */
    void lockSubmitter(UserId submitter);

    /** How many registrations {@code submitter} has waiting for review (not deleted), up to {@code atMost}. */
    long pending(UserId submitter, long atMost);

    /** How many versions of {@code serverName} were submitted after {@code since}, deleted ones too, up to {@code atMost}. */
    long versionsSince(ServerName serverName, Instant since, long atMost);
}
