package com.mcpregistry.app;

import com.mcpregistry.postgres.limits.Bucket4jRateLimitBuckets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's rate-limit buckets in step with the other instances', off the request path: every {@link
 * #INTERVAL} it sends what each local bucket counted to PostgreSQL and brings back what the others counted, and every
 * minute it deletes stored buckets nobody used since they filled up again. Closing it synchronises one last time
 * (unless the database is out of reach), so that what this instance counted outlives it.
 */
final class RateLimitSync implements AutoCloseable {
    /** How far apart instances' views of a limit may drift: what one caller may take from each instance at once. */
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitSync.class);
    private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);

    private final Bucket4jRateLimitBuckets buckets;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "rate-limit-sync");
        thread.setDaemon(true);
        return thread;
    });
    private boolean failing;

    private RateLimitSync(Bucket4jRateLimitBuckets buckets) {
        this.buckets = buckets;
    }

    static RateLimitSync start(Bucket4jRateLimitBuckets buckets) {
        RateLimitSync sync = new RateLimitSync(buckets);
        sync.scheduler.scheduleWithFixedDelay(
                sync::synchronise, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        sync.scheduler.scheduleWithFixedDelay(
                sync::removeExpired, CLEANUP_INTERVAL.toMillis(), CLEANUP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return sync;
    }

    private void synchronise() {
        try {
            buckets.synchronise();
            if (failing) {
                LOG.info("rate limits are shared with the other instances again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // Only when it starts failing: during an outage this would otherwise log every second.
            if (!failing) {
                LOG.warn(
                        "could not share rate limits through the database; each instance counts on its own until it"
                                + " can: {}",
                        e.getMessage());
                failing = true;
            }
        }
    }

    private void removeExpired() {
        try {
            buckets.removeExpired();
        } catch (RuntimeException e) {
            LOG.warn("could not delete expired rate-limit buckets; trying again in a minute: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(INTERVAL.toMillis() * 5, TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
            return;
        }
        // Not while the database is out of reach: shutting down would wait for it in vain.
        if (!failing) {
            synchronise();
        }
    }
}
