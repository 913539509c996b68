package com.mcpregistry.entra;

import com.mcpregistry.identity.port.out.TokenVerification;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verification results by SHA-256 of the token, each kept until the token's {@code exp}, so that a busy client does
 * not pay for RS256 on every call. Bounded: when full, expired entries go first, then arbitrary ones (a simple
 * eviction; a dropped entry only costs one more verification). The token itself is never stored.
 */
final class VerificationCache {

    private record Entry(TokenVerification result, Instant expiresAt) {}

    private final int maxEntries;
    private final Map<ByteBuffer, Entry> entries;

    VerificationCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.entries = new ConcurrentHashMap<>(Math.min(maxEntries, 1024));
    }

    boolean enabled() {
        return maxEntries > 0;
    }

    static ByteBuffer keyOf(String token) {
        try {
            return ByteBuffer.wrap(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The result stored for this key, if it has not reached its expiry at {@code now}. */
    TokenVerification find(ByteBuffer key, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!now.isBefore(entry.expiresAt())) {
            entries.remove(key, entry);
            return null;
        }
        return entry.result();
    }

    void put(ByteBuffer key, TokenVerification result, Instant expiresAt, Instant now) {
        if (!enabled() || !now.isBefore(expiresAt)) {
            return;
        }
        if (entries.size() >= maxEntries) {
            evict(now);
        }
        entries.put(key, new Entry(result, expiresAt));
    }

    int size() {
        return entries.size();
    }

    private void evict(Instant now) {
        entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
        // Still full: drop about a tenth, whichever come first.
        int excess = entries.size() - (maxEntries - Math.max(1, maxEntries / 10));
        Iterator<ByteBuffer> keys = entries.keySet().iterator();
        while (excess > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
            excess--;
        }
    }
}
