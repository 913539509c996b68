package com.mcpregistry.inmemory;

import com.mcpregistry.limits.Admission;
import com.mcpregistry.limits.RateLimitPolicy;
import com.mcpregistry.limits.port.out.RateLimitBuckets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RateLimitBuckets} in this process only: for tests and for embedders running a single instance. A bucket's
 * first request starts its first window; when a window ends, the next starts with the whole quota. Buckets whose
 * window has ended are dropped once there are many, so the map stays as large as the callers of one window.
 */
public final class InMemoryRateLimitBuckets implements RateLimitBuckets {
    private static final int PRUNE_ABOVE = 100_000;

    private final Clock clock;
    private final Map<String, Window> buckets = new ConcurrentHashMap<>();

    /** One window of a bucket: when it started and how much of its quota is used. */
    private record Window(RateLimitPolicy policy, Instant start, long used) {
        Instant end() {
            return start.plus(policy.window());
        }
    }

    public InMemoryRateLimitBuckets(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Admission consume(String key, RateLimitPolicy policy) {
        Instant now = clock.instant();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(window -> !window.end().isAfter(now));
        }
        boolean[] admitted = new boolean[1];
        Window window = buckets.compute(key + "|" + policy, (k, current) -> {
            Window open = current == null ? new Window(policy, now, 0) : current;
            if (!open.end().isAfter(now)) {
                long passed = Duration.between(open.start(), now).toNanos()
                        / policy.window().toNanos();
                open = new Window(policy, open.start().plus(policy.window().multipliedBy(passed)), 0);
            }
            admitted[0] = open.used() < policy.quota();
            return admitted[0] ? new Window(policy, open.start(), open.used() + 1) : open;
        });
        return new Admission(policy, admitted[0], policy.quota() - window.used(), Duration.between(now, window.end()));
    }
}
