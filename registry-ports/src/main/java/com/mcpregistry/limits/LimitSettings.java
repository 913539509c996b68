package com.mcpregistry.limits;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rate limits and quotas in force. A limit or quota absent from its map is off; {@link #off()} switches every one
 * off (tests and benchmarks), {@link #defaults()} are generous values meant to stop abuse, not to be felt by people.
 */
public record LimitSettings(Map<RateLimit, RateLimitPolicy> rates, Map<Quota, Long> quotas) {

    /** Writes per signed-in user: far more than a person or a CI pipeline makes, far less than a script's flood. */
    public static final RateLimitPolicy DEFAULT_WRITES =
            new RateLimitPolicy(RateLimit.WRITES, 120, Duration.ofMinutes(1));

    /**
     * Anonymous reads per client address: high, because a whole office may reach the registry from one address (a
     * NAT or a proxy that is not a trusted proxy).
     */
    public static final RateLimitPolicy DEFAULT_ANONYMOUS_READS =
            new RateLimitPolicy(RateLimit.ANONYMOUS_READS, 6000, Duration.ofMinutes(1));

    /** Refused credentials per client address. */
    public static final RateLimitPolicy DEFAULT_FAILED_SIGN_INS =
            new RateLimitPolicy(RateLimit.FAILED_SIGN_INS, 30, Duration.ofMinutes(1));

    public static final long DEFAULT_PENDING_PER_USER = 20;
    public static final long DEFAULT_VERSIONS_PER_SERVER_PER_DAY = 50;

    public LimitSettings {
        rates = Map.copyOf(rates);
        quotas = Map.copyOf(quotas);
        rates.forEach((limit, policy) -> {
            if (policy.limit() != limit) {
                throw new IllegalArgumentException("the policy " + policy + " is not one of " + limit);
            }
        });
        quotas.forEach((quota, value) -> {
            if (Objects.requireNonNull(value, "quota") < 1) {
                throw new IllegalArgumentException("the quota " + quota.quotaName() + " must be at least 1");
            }
        });
    }

    /** Every limit and quota on, at its default. */
    public static LimitSettings defaults() {
        Map<RateLimit, RateLimitPolicy> rates = new EnumMap<>(RateLimit.class);
        rates.put(RateLimit.WRITES, DEFAULT_WRITES);
        rates.put(RateLimit.ANONYMOUS_READS, DEFAULT_ANONYMOUS_READS);
        rates.put(RateLimit.FAILED_SIGN_INS, DEFAULT_FAILED_SIGN_INS);
        Map<Quota, Long> quotas = new EnumMap<>(Quota.class);
        quotas.put(Quota.PENDING_PER_USER, DEFAULT_PENDING_PER_USER);
        quotas.put(Quota.VERSIONS_PER_SERVER_PER_DAY, DEFAULT_VERSIONS_PER_SERVER_PER_DAY);
        return new LimitSettings(rates, quotas);
    }

    /** Every limit and quota off. */
    public static LimitSettings off() {
        return new LimitSettings(Map.of(), Map.of());
    }

    /** The policy of {@code limit}; empty when that limit is off. */
    public Optional<RateLimitPolicy> policy(RateLimit limit) {
        return Optional.ofNullable(rates.get(limit));
    }

    /** The value of {@code quota}; empty when that quota is off. */
    public OptionalLong quota(Quota quota) {
        Long value = quotas.get(quota);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** Whether any limit or quota is on. */
    public boolean anyOn() {
        return !rates.isEmpty() || !quotas.isEmpty();
    }
}
