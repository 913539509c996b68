package com.mcpregistry.limits.service;

import com.mcpregistry.domain.error.Unavailable;
import com.mcpregistry.limits.Admission;
import com.mcpregistry.limits.LimitSettings;
import com.mcpregistry.limits.RateLimit;
import com.mcpregistry.limits.RateLimitPolicy;
import com.mcpregistry.limits.port.in.RateLimitUseCase;
import com.mcpregistry.limits.port.out.LimitEvents;
import com.mcpregistry.limits.port.out.RateLimitBuckets;
import java.util.Objects;
import java.util.Optional;

/** The rate limits: one bucket per limit and caller in {@link RateLimitBuckets}, under the configured policies. */
public final class RateLimitService implements RateLimitUseCase {
    private final LimitSettings settings;
    private final RateLimitBuckets buckets;
    private final LimitEvents events;

    public RateLimitService(LimitSettings settings, RateLimitBuckets buckets, LimitEvents events) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.buckets = Objects.requireNonNull(buckets, "buckets");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Optional<Admission> admit(RateLimit limit, String subject) {
        Optional<RateLimitPolicy> policy = settings.policy(limit);
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        Admission admission;
        try {
            admission = buckets.consume(limit.policyName() + "|" + subject, policy.get());
        } catch (Unavailable e) {
            // Fail open: the store is the registry's database, so the request meets the same outage and answers
            // 503 by itself if it needs the database; refusing it here would only turn a read from a cache into an
            // error, or tell a client to wait for a limit that nobody can count now.
            return Optional.empty();
        }
        if (!admission.admitted()) {
            events.refused(limit);
        }
        return Optional.of(admission);
    }
}
