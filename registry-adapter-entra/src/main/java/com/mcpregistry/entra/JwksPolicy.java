package com.mcpregistry.entra;

import java.time.Duration;
import java.util.Objects;

/**
 * How the tenant's signing keys (its JWKS) are fetched and kept.
 *
 * @param cacheTimeToLive how long a fetched key set is used before it is fetched again (default 1 h)
 * @param refreshAhead how long before that a request triggers a background re-fetch (default 5 min), so that no
 *     request waits for it
 * @param refreshTimeout how long a request waits for another request's fetch to finish (default 15 s)
 * @param unknownKeyRefetchInterval a token signed with an unknown {@code kid} triggers at most one re-fetch per
 *     interval (default 1 min); the same interval bounds all fetches to two per interval
 * @param outageTolerance how long the last good key set keeps being used while the JWKS cannot be fetched
 *     (default 24 h)
 * @param connectTimeout HTTP connect timeout of one fetch (default 2 s)
 * @param readTimeout HTTP read timeout of one fetch (default 3 s)
 * @param sizeLimitBytes the largest JWKS document accepted (default 128 KiB)
 */
public record JwksPolicy(
        Duration cacheTimeToLive,
        Duration refreshAhead,
        Duration refreshTimeout,
        Duration unknownKeyRefetchInterval,
        Duration outageTolerance,
        Duration connectTimeout,
        Duration readTimeout,
        int sizeLimitBytes) {

    public JwksPolicy {
        positive("cacheTimeToLive", cacheTimeToLive);
        positive("refreshAhead", refreshAhead);
        positive("refreshTimeout", refreshTimeout);
        positive("unknownKeyRefetchInterval", unknownKeyRefetchInterval);
        positive("outageTolerance", outageTolerance);
        positive("connectTimeout", connectTimeout);
        positive("readTimeout", readTimeout);
        if (refreshAhead.plus(refreshTimeout).compareTo(cacheTimeToLive) > 0) {
            throw new IllegalArgumentException("refreshAhead + refreshTimeout must not exceed cacheTimeToLive");
        }
        if (unknownKeyRefetchInterval.compareTo(cacheTimeToLive) >= 0) {
            throw new IllegalArgumentException("unknownKeyRefetchInterval must be shorter than cacheTimeToLive");
        }
        if (outageTolerance.compareTo(cacheTimeToLive) < 0) {
            throw new IllegalArgumentException("outageTolerance must not be shorter than cacheTimeToLive");
        }
        if (sizeLimitBytes < 1024) {
            throw new IllegalArgumentException("sizeLimitBytes must be at least 1024");
        }
    }

    public static JwksPolicy defaults() {
        return new JwksPolicy(
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                Duration.ofSeconds(15),
                Duration.ofMinutes(1),
                Duration.ofHours(24),
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                128 * 1024);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
