package com.mcpregistry.postgres.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mcpregistry.limits.Admission;
import com.mcpregistry.limits.RateLimitPolicy;
import com.mcpregistry.limits.port.out.RateLimitBuckets;
import com.mcpregistry.postgres.shared.SqlErrors;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.optimization.manual.ManuallySyncingOptimization;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * {@link RateLimitBuckets} shared by every instance through PostgreSQL (Bucket4j, {@code rate_limit_buckets}),
 * counted locally first. Each instance keeps a local copy of each bucket it uses (Bucket4j's manually synchronised
 * optimisation): a request takes its unit from the copy, without a database round trip, and {@link #synchronise()},
 * which the application runs every {@code syncInterval} off the request path, sends what each copy used since its
 * last synchronisation to the shared row (one short {@code SELECT … FOR UPDATE} transaction per bucket used) and
 * brings back what the other instances used. Only a bucket's first request on an instance waits for the database,
 * to read the shared state.
 *
 * <p>The price: between two synchronisations each instance grants from what it last saw, so a caller spreading
 * requests over {@code n} instances can get up to {@code n} times a window's remainder in one interval; the shared
 * bucket then goes into debt, which the following windows pay back, so over time the limit holds exactly. A local
 * copy evicted before its synchronisation (more than {@link #MAX_LOCAL_BUCKETS} callers at once) loses at most one
 * interval of counts.
 */
public final class Bucket4jRateLimitBuckets implements RateLimitBuckets {
    /** Local copies kept per instance; beyond this the least recently used are dropped. */
    static final int MAX_LOCAL_BUCKETS = 100_000;

    private static final String TABLE = "rate_limit_buckets";
    /** How long a full bucket stays stored: a caller who comes back within it continues where it was. */
    private static final Duration KEEP_WHEN_FULL = Duration.ofMinutes(1);

    private static final Duration IDLE_LOCAL_COPY = Duration.ofMinutes(10);
    private static final int EXPIRED_PER_DELETE = 1_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<Long> store;
    private final Cache<Long, BucketProxy> local = Caffeine.newBuilder()
            .maximumSize(MAX_LOCAL_BUCKETS)
            .expireAfterAccess(IDLE_LOCAL_COPY)
            .build();

    public Bucket4jRateLimitBuckets(DataSource dataSource) {
        this.store = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .table(TABLE)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_WHEN_FULL))
                .build();
    }

    @Override
    public Admission consume(String key, RateLimitPolicy policy) {
        BucketProxy bucket = local.get(
                idOf(key, policy),
                id -> store.builder()
                        .withOptimization(new ManuallySyncingOptimization())
                        .build(id, () -> configuration(policy)));
        ConsumptionProbe probe = SqlErrors.translating(() -> bucket.tryConsumeAndReturnRemaining(1));
        Duration reset =
                Duration.ofNanos(probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill());
        return new Admission(policy, probe.isConsumed(), probe.getRemainingTokens(), reset);
    }

    /**
     * Sends every local copy's use since its last synchronisation to PostgreSQL and brings back the other instances'.
     *
     * @throws com.mcpregistry.domain.error.Unavailable when the database cannot be reached; the copies not yet
     *     synchronised keep what they counted for the next run
     */
    public void synchronise() {
        for (BucketProxy bucket : local.asMap().values()) {
            // Only a copy that counted something since its last synchronisation goes to the database.
            SqlErrors.translating(() -> {
                bucket.getOptimizationController().syncByCondition(1, Duration.ZERO);
                return null;
            });
        }
    }

    /** Deletes the stored buckets that are full again and were not used since. */
    public int removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = SqlErrors.translating(() -> store.removeExpired(EXPIRED_PER_DELETE));
            removed += batch;
        } while (batch == EXPIRED_PER_DELETE);
        return removed;
    }

    private static BucketConfiguration configuration(RateLimitPolicy policy) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(policy.quota())
                        .refillIntervally(policy.quota(), policy.window())
                        .build())
                .build();
    }

    /**
     * The bucket's row id: 64 bits of SHA-256 over the key and the policy, so that the table holds no client address
     * or user id, and a changed policy starts new buckets instead of inheriting ones made under another.
     */
    static long idOf(String key, RateLimitPolicy policy) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest((key + "|" + policy).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
