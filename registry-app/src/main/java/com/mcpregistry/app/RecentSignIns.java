package com.mcpregistry.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.mcpregistry.identity.SignedIn;
import com.mcpregistry.identity.VerifiedToken;
import com.mcpregistry.identity.port.in.SignInUseCase;
import java.time.Duration;

/**
 * Remembers each signed-in user for a few seconds, so that a client calling the API many times a second costs one
 * user lookup per {@code memory}, not one per request (SPEC §7: an authenticated read costs at most 15 % more than
 * the same read anonymous). Keyed by the whole verified identity: a token with another name, e-mail, roles or groups
 * signs in afresh, and writes the changed profile. The price: the break-glass flag set by {@code admin grant|revoke}
 * reaches running instances within {@code memory}; admin rights from the token's role or group are never delayed.
 */
final class RecentSignIns implements SignInUseCase {
    /** More distinct signed-in identities than this within {@code memory} are looked up again, nothing worse. */
    private static final int MAX_IDENTITIES = 10_000;

    private final SignInUseCase signIn;
    private final Cache<VerifiedToken, SignedIn> recent;

    RecentSignIns(SignInUseCase signIn, Duration memory, Ticker ticker) {
        this.signIn = signIn;
        this.recent = Caffeine.newBuilder()
                .expireAfterWrite(memory)
                .maximumSize(MAX_IDENTITIES)
                .ticker(ticker)
                .build();
    }

    /** {@code signIn} itself when {@code memory} is zero, otherwise {@code signIn} remembering for {@code memory}. */
    static SignInUseCase remembering(SignInUseCase signIn, Duration memory) {
        return memory.isZero() ? signIn : new RecentSignIns(signIn, memory, Ticker.systemTicker());
    }

    @Override
    public SignedIn signIn(VerifiedToken identity) {
        return recent.get(identity, signIn::signIn);
    }
}
