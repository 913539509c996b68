package com.mcpregistry.entra;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tenant's signing keys, fetched from its JWKS on first use and kept by Nimbus' {@link JWKSourceBuilder} chain
 * (cache with refresh-ahead, rate limit, outage tolerance).
 *
 * <p>This replaces Nimbus' {@link JWKSetBasedJWKSource} at the top of the chain for two reasons: time comes from a
 * {@link Clock} (so the cache and the rate limit can be tested without waiting), and an unknown {@code kid} causes
 * at most one re-fetch per {@link JwksPolicy#unknownKeyRefetchInterval()} (Nimbus' rate limiter alone lets two
 * fetches through per interval) and none at all when the key set was fetched by this very lookup.
 */
final class TenantSigningKeys implements JWKSource<SecurityContext>, Closeable {

    private final JWKSetSource<SecurityContext> chain;
    private final Closeable resources;
    private final Clock clock;
    private final long unknownKeyRefetchIntervalMillis;
    private final AtomicLong nextUnknownKeyRefetch = new AtomicLong(Long.MIN_VALUE);
    private volatile JWKSet lastSeen;

    private TenantSigningKeys(
            JWKSetSource<SecurityContext> chain,
            Closeable resources,
            Clock clock,
            long unknownKeyRefetchIntervalMillis) {
        this.chain = chain;
        this.resources = resources;
        this.clock = clock;
        this.unknownKeyRefetchIntervalMillis = unknownKeyRefetchIntervalMillis;
    }

    /** Keys fetched from {@code jwksUri} when first needed; building this fetches nothing. */
    static TenantSigningKeys fetchedFrom(URI jwksUri, JwksPolicy policy, Clock clock) {
        var retriever = new DefaultResourceRetriever(
                Math.toIntExact(policy.connectTimeout().toMillis()),
                Math.toIntExact(policy.readTimeout().toMillis()),
                policy.sizeLimitBytes());
        ExecutorService refresher = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "entra-jwks-refresh");
            thread.setDaemon(true);
            return thread;
        });
        JWKSource<SecurityContext> built;
        try {
            built = JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(), retriever)
                    .cache(
                            policy.cacheTimeToLive().toMillis(),
                            policy.refreshTimeout().toMillis())
                    .refreshAheadCache(policy.refreshAhead().toMillis(), null, refresher, true, null, false)
                    .rateLimited(policy.unknownKeyRefetchInterval().toMillis())
                    .outageTolerant(policy.outageTolerance().toMillis())
                    .build();
        } catch (MalformedURLException e) {
            refresher.shutdownNow();
            throw new IllegalArgumentException("the JWKS URI is not a URL: " + jwksUri, e);
        }
        if (!(built instanceof JWKSetBasedJWKSource<SecurityContext> based)) {
            refresher.shutdownNow();
            throw new IllegalStateException("unexpected JWK source from Nimbus: " + built.getClass());
        }
        return new TenantSigningKeys(
                based.getJWKSetSource(),
                based,
                clock,
                policy.unknownKeyRefetchInterval().toMillis());
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        long now = clock.millis();
        // Throws when there is no usable key set at all (cold cache and JWKS unreachable): provider unavailable.
        JWKSet keys = chain.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, context);
        List<JWK> found = selector.select(keys);
        JWKSet previous = lastSeen;
        lastSeen = keys;
        if (!found.isEmpty() || keys != previous || !mayRefetchForUnknownKey(now)) {
            return found;
        }
        try {
            JWKSet refreshed = chain.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(keys), now, context);
            lastSeen = refreshed;
            return selector.select(refreshed);
        } catch (RateLimitReachedException e) {
            // Keys are known, just not this one, and we may not ask again yet: the key stays unknown.
            return List.of();
        }
    }

    private boolean mayRefetchForUnknownKey(long now) {
        long next = nextUnknownKeyRefetch.get();
        return now >= next && nextUnknownKeyRefetch.compareAndSet(next, now + unknownKeyRefetchIntervalMillis);
    }

    @Override
    public void close() throws IOException {
        resources.close();
    }
}
