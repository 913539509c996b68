package com.mcpregistry.app;

import com.mcpregistry.limits.LimitSettings;
import com.mcpregistry.limits.Quota;
import com.mcpregistry.limits.RateLimit;
import com.mcpregistry.limits.port.out.LimitEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The rate limits and quotas in {@code /metrics}: each one's configured value, and how many requests each refused.
 * Labels come from the closed sets {@link RateLimit} and {@link Quota}, never from a user or an address.
 */
final class LimitMetrics implements LimitEvents {
    private final Map<RateLimit, Counter> refusals = new EnumMap<>(RateLimit.class);
    private final Map<Quota, Counter> quotaRefusals = new EnumMap<>(Quota.class);

    LimitMetrics(MeterRegistry registry, LimitSettings settings, Duration searchTimeout) {
        for (RateLimit limit : RateLimit.values()) {
            String name = limit.policyName();
            refusals.put(
                    limit,
                    Counter.builder("registry.rate.limit.refusals")
                            .description("Requests answered 429 because a rate limit was reached")
                            .tag("limit", name)
                            .register(registry));
            settings.policy(limit).ifPresent(policy -> {
                Gauge.builder("registry.rate.limit.quota", policy::quota)
                        .description("Requests a rate limit allows per window (absent when the limit is off)")
                        .tag("limit", name)
                        .register(registry);
                Gauge.builder("registry.rate.limit.window.seconds", policy::windowSeconds)
                        .description("The window of a rate limit")
                        .tag("limit", name)
                        .register(registry);
            });
        }
        for (Quota quota : Quota.values()) {
            String name = quota.quotaName();
            quotaRefusals.put(
                    quota,
                    Counter.builder("registry.quota.refusals")
                            .description("Writes refused because a quota was reached")
                            .tag("quota", name)
                            .register(registry));
            settings.quota(quota)
                    .ifPresent(value -> Gauge.builder("registry.quota.limit", () -> value)
                            .description("The most a quota allows (absent when the quota is off)")
                            .tag("quota", name)
                            .register(registry));
        }
        Gauge.builder("registry.search.timeout.seconds", () -> searchTimeout.toMillis() / 1000.0)
                .description("How long a search may run before it is cancelled and answered 503")
                .register(registry);
    }

    @Override
    public void refused(RateLimit limit) {
        refusals.get(limit).increment();
    }

    @Override
    public void quotaReached(Quota quota) {
        quotaRefusals.get(quota).increment();
    }
}
