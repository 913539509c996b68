package com.mcpregistry.entra;

import static com.mcpregistry.entra.VerifierFixture.KEY;
import static com.mcpregistry.entra.VerifierFixture.invalidReason;
import static com.mcpregistry.entra.VerifierFixture.verified;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.testing.TestClock;
import com.mcpregistry.entra.testing.TestTokens;
import com.mcpregistry.identity.port.out.TokenVerification;
import com.mcpregistry.identity.port.out.TokenVerification.InsufficientScope;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Verification results are cached by token hash until the token's exp, so a busy client pays RS256 once. */
class VerificationCacheTest {

    private final TestClock clock = TestClock.atSecond();
    private final TestTokens tokens = new TestTokens(
            "https://login.example.test",
            "8c4d9f61-2f4b-4d8e-9c1f-6f0e8e6c2a10",
            "4a8e2b55-1c7d-4f39-a8f2-0d3b6c9e7f21",
            KEY,
            clock);

    /** A key source that counts lookups: each full verification looks the key up once. */
    private static final class CountingKeys implements JWKSource<SecurityContext> {
        final AtomicInteger lookups = new AtomicInteger();
        final ImmutableJWKSet<SecurityContext> keys = new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK()));

        @Override
        public List<JWK> get(JWKSelector selector, SecurityContext context) {
            lookups.incrementAndGet();
            return keys.get(selector, context);
        }
    }

    private final CountingKeys keys = new CountingKeys();

    private EntraAccessTokenVerifier verifier(EntraSettings settings) {
        return EntraAccessTokenVerifier.withKeys(settings, keys, clock);
    }

    @Test
    void a_cached_result_is_returned_without_verifying_again() {
        EntraAccessTokenVerifier verifier = verifier(tokens.settings());
        String token = tokens.sign(tokens.userClaims().build());

        TokenVerification first = verifier.verify(token);
        TokenVerification second = verifier.verify(token);

        verified(first);
        assertThat(second).isSameAs(first);
        assertThat(keys.lookups).hasValue(1);
    }

    @Test
    void a_cached_result_expires_at_exp() {
        EntraAccessTokenVerifier verifier = verifier(tokens.settings());
        String token = tokens.sign(tokens.userClaims().build());
        verified(verifier.verify(token));

        clock.advance(TestTokens.LIFETIME.minusSeconds(1));
        verified(verifier.verify(token));
        assertThat(keys.lookups).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        verified(verifier.verify(token)); // at exp: verified afresh, still within the clock skew
        assertThat(keys.lookups).hasValue(2);

        clock.advance(Duration.ofSeconds(60));
        invalidReason(verifier.verify(token));
    }

    @Test
    void insufficient_scope_is_cached_too_but_invalid_tokens_are_not() {
        EntraAccessTokenVerifier verifier = verifier(
                tokens.settingsBuilder().requiredScope("Registry.ReadWrite").build());
        String lacking = tokens.sign(tokens.userClaims().build());
        String forged = TestTokens.sign(
                VerifierFixture.ATTACKER_KEY,
                tokens.header().build(),
                tokens.userClaims().build());

        assertThat(verifier.verify(lacking)).isInstanceOf(InsufficientScope.class);
        assertThat(verifier.verify(lacking)).isInstanceOf(InsufficientScope.class);
        invalidReason(verifier.verify(forged));
        invalidReason(verifier.verify(forged));

        assertThat(keys.lookups).hasValue(3);
        assertThat(verifier.cachedResults()).isEqualTo(1);
    }

    @Test
    void the_cache_is_bounded() {
        EntraAccessTokenVerifier verifier =
                verifier(tokens.settingsBuilder().verificationCacheSize(10).build());

        for (int i = 0; i < 35; i++) {
            verified(verifier.verify(tokens.sign(tokens.userClaims().build())));
            assertThat(verifier.cachedResults()).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void the_cache_can_be_turned_off() {
        EntraAccessTokenVerifier verifier =
                verifier(tokens.settingsBuilder().verificationCacheSize(0).build());
        String token = tokens.sign(tokens.userClaims().build());

        verified(verifier.verify(token));
        verified(verifier.verify(token));

        assertThat(keys.lookups).hasValue(2);
        assertThat(verifier.cachedResults()).isZero();
    }

    @Test
    void a_full_cache_drops_expired_results_first() {
        VerificationCache cache = new VerificationCache(3, clock);
        var now = clock.instant();
        TokenVerification result = new TokenVerification.Invalid("placeholder");
        cache.put(VerificationCache.keyOf("a"), result, now.plusSeconds(1));
        cache.put(VerificationCache.keyOf("b"), result, now.plusSeconds(100));
        cache.put(VerificationCache.keyOf("c"), result, now.plusSeconds(100));

        clock.advance(Duration.ofSeconds(2));
        cache.put(VerificationCache.keyOf("d"), result, clock.instant().plusSeconds(100));

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.find(VerificationCache.keyOf("a"))).isNull();
        assertThat(cache.find(VerificationCache.keyOf("b"))).isSameAs(result);
        assertThat(cache.find(VerificationCache.keyOf("c"))).isSameAs(result);
        assertThat(cache.find(VerificationCache.keyOf("d"))).isSameAs(result);
    }

    @Test
    void a_result_is_not_kept_past_its_own_expiry() {
        VerificationCache cache = new VerificationCache(10, clock);
        var now = clock.instant();
        TokenVerification shortLived = new TokenVerification.Invalid("short");
        TokenVerification longLived = new TokenVerification.Invalid("long");
        cache.put(VerificationCache.keyOf("short"), shortLived, now.plusSeconds(10));
        cache.put(VerificationCache.keyOf("long"), longLived, now.plusSeconds(20));
        cache.put(VerificationCache.keyOf("expired"), longLived, now);

        clock.advance(Duration.ofSeconds(9));
        assertThat(cache.find(VerificationCache.keyOf("short"))).isSameAs(shortLived);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.find(VerificationCache.keyOf("short"))).isNull();
        assertThat(cache.find(VerificationCache.keyOf("long"))).isSameAs(longLived);
        assertThat(cache.find(VerificationCache.keyOf("expired"))).isNull();
        assertThat(cache.size()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));
        assertThat(cache.find(VerificationCache.keyOf("long"))).isNull();
    }

    @Test
    void the_key_is_the_sha256_of_the_token_never_the_token() {
        assertThat(VerificationCache.keyOf("header.payload.signature").remaining())
                .isEqualTo(32);
        assertThat(VerificationCache.keyOf("header.payload.signature"))
                .isEqualTo(VerificationCache.keyOf("header.payload.signature"))
                .isNotEqualTo(VerificationCache.keyOf("header.payload.signaturf"));
    }
}
