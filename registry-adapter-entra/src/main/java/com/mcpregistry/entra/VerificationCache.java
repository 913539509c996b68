package com.mcpregistry.entra;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.mcpregistry.identity.port.out.TokenVerification;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;

/**
 * Verification results by SHA-256 of the token, each kept until the token's {@code exp}, so that a busy client does
 * not pay for RS256 on every call. A Caffeine cache: bounded in size (a dropped entry only costs one more
 * verification), each entry expiring at its own {@code exp} on the verifier's clock. The token itself is never
 * stored. A size of 0 turns it off.
 */
final class VerificationCache {

    private record Entry(TokenVerification result, long expiresAtNanos) {}

    private final Clock clock;
    private final Cache<ByteBuffer, Entry> entries;

    VerificationCache(int maxEntries, Clock clock) {
        this.clock = clock;
        this.entries = maxEntries <= 0
                ? null
                : Caffeine.newBuilder()
                        .maximumSize(maxEntries)
                        .expireAfter(new UntilExp())
                        .ticker(ticker(clock))
                        // Evict and expire on the calling thread, when the put returns: the bound holds at once,
                        // and an adapter starts no work on the shared common pool.
                        .executor(Runnable::run)
                        .build();
    }

    boolean enabled() {
        return entries != null;
    }

    static ByteBuffer keyOf(String token) {
        try {
            return ByteBuffer.wrap(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The result stored for this key, if the clock has not reached its expiry. */
    TokenVerification find(ByteBuffer key) {
        if (entries == null) {
            return null;
        }
        Entry entry = entries.getIfPresent(key);
        return entry == null ? null : entry.result();
    }

    /** Keeps {@code result} until {@code expiresAt}; nothing when the cache is off or that time has passed. */
    void put(ByteBuffer key, TokenVerification result, Instant expiresAt) {
        if (entries == null || !clock.instant().isBefore(expiresAt)) {
            return;
        }
        entries.put(key, new Entry(result, nanos(expiresAt)));
    }

    /** How many results are kept now, after dropping the expired ones and any over the bound. */
    long size() {
        if (entries == null) {
            return 0;
        }
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** Caffeine's time, in nanoseconds, is the verifier's clock: tests move it without waiting. */
    private static Ticker ticker(Clock clock) {
        return () -> nanos(clock.instant());
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /** Each entry lives until its token's {@code exp}; reading it does not extend it. */
    private static final class UntilExp implements Expiry<ByteBuffer, Entry> {
        @Override
        public long expireAfterCreate(ByteBuffer key, Entry entry, long currentTime) {
            return Math.max(0, entry.expiresAtNanos() - currentTime);
        }

        @Override
        public long expireAfterUpdate(ByteBuffer key, Entry entry, long currentTime, long currentDuration) {
            return expireAfterCreate(key, entry, currentTime);
        }

        @Override
        public long expireAfterRead(ByteBuffer key, Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
