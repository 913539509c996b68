package com.mcpregistry.limits.service;

import com.mcpregistry.domain.error.QuotaReached;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.limits.LimitSettings;
import com.mcpregistry.limits.Quota;
import com.mcpregistry.limits.port.out.LimitEvents;
import com.mcpregistry.limits.port.out.QuotaCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The quotas a submission must stay within: Pending registrations per user and new versions per server name a day.
 * Checked inside the submission's transaction, after the submitter's lock, so that a user's concurrent submissions
 * cannot pass the check together; different users submitting versions of one server at the same moment may each
 * pass it, so that quota can be exceeded by as many submissions as run at once.
 */
public final class SubmissionQuotas {
    /** No quota at all. */
    public static final SubmissionQuotas NONE = new SubmissionQuotas(LimitSettings.off(), null, LimitEvents.NONE);

    private static final Duration DAY = Duration.ofDays(1);

    private final OptionalLong pendingPerUser;
    private final OptionalLong versionsPerServerPerDay;
    private final QuotaCounts counts;
    private final LimitEvents events;

    public SubmissionQuotas(LimitSettings settings, QuotaCounts counts, LimitEvents events) {
        this.pendingPerUser = settings.quota(Quota.PENDING_PER_USER);
        this.versionsPerServerPerDay = settings.quota(Quota.VERSIONS_PER_SERVER_PER_DAY);
        this.counts = counts;
        this.events = events;
        if (counts == null && (pendingPerUser.isPresent() || versionsPerServerPerDay.isPresent())) {
            throw new IllegalArgumentException("quotas need something to count with");
        }
    }

    /**
     * Throws {@link QuotaReached} when one more submission of {@code serverName} by {@code submitter} at {@code now}
     * would pass a quota. Call it inside the submission's transaction, before the registration is stored.
     */
    public void check(UserId submitter, ServerName serverName, Instant now) {
        if (pendingPerUser.isEmpty() && versionsPerServerPerDay.isEmpty()) {
            return;
        }
        counts.lockSubmitter(submitter);
        if (pendingPerUser.isPresent()) {
            long limit = pendingPerUser.getAsLong();
            if (counts.pending(submitter, limit) >= limit) {
                throw reached(
                        Quota.PENDING_PER_USER,
                        limit,
                        "at most " + limit + " registrations per user may wait for review at once; wait for a review"
                                + " or delete one of yours that is Pending");
            }
        }
        if (versionsPerServerPerDay.isPresent()) {
            long limit = versionsPerServerPerDay.getAsLong();
            if (counts.versionsSince(serverName, now.minus(DAY), limit) >= limit) {
                throw reached(
                        Quota.VERSIONS_PER_SERVER_PER_DAY,
                        limit,
                        "at most " + limit + " versions of " + serverName.value()
                                + " may be submitted within 24 hours; try again later");
            }
        }
    }

    private QuotaReached reached(Quota quota, long limit, String rule) {
        events.quotaReached(quota);
        return new QuotaReached(
                quota.quotaName(), limit, "quota " + quota.quotaName() + " (" + limit + ") reached: " + rule);
    }
}
