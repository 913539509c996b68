package com.mcpregistry.entra;

import static com.mcpregistry.entra.VerifierFixture.KEY;
import static com.mcpregistry.entra.VerifierFixture.ROTATED_KEY;
import static com.mcpregistry.entra.VerifierFixture.invalidReason;
import static com.mcpregistry.entra.VerifierFixture.verified;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.entra.testing.TestTokens;
import com.mcpregistry.identity.port.out.TokenVerification;
import com.mcpregistry.identity.port.out.TokenVerification.ProviderUnavailable;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant's JWKS: fetched on first use only, cached, re-fetched at most once a minute for an unknown kid, kept
 * through an outage of up to 24 h; with no keys at all the provider is unavailable (503), not the token invalid.
 */
class SigningKeysTest {

    private static final List<RSAKey> UNKNOWN_KEYS = IntStream.range(0, 50)
            .mapToObj(i -> new RSAKey.Builder(ROTATED_KEY).keyID("unknown-" + i).build())
            .toList();

    private final VerifierFixture fixture = new VerifierFixture();
    private final TestTokens tokens = fixture.tokens;

    @AfterEach
    void close() {
        fixture.close();
    }

    private String valid() {
        return tokens.sign(tokens.userClaims().build());
    }

    private String signedBy(RSAKey key) {
        return tokens.withSigningKey(key).sign(tokens.userClaims().build());
    }

    private void advance(Duration duration) {
        fixture.clock.advance(duration);
    }

    @Test
    void building_the_verifier_fetches_nothing() {
        assertThat(fixture.jwks.requestCount()).isZero();

        verified(fixture.verify(valid()));

        assertThat(fixture.jwks.fetchCount()).isEqualTo(1);
    }

    @Test
    void keys_are_cached() {
        for (int i = 0; i < 20; i++) {
            verified(fixture.verify(valid()));
        }

        assertThat(fixture.jwks.fetchCount()).isEqualTo(1);
    }

    @Test
    void an_unknown_kid_with_a_warm_cache_causes_exactly_one_fetch() {
        verified(fixture.verify(valid()));

        assertThat(invalidReason(fixture.verify(signedBy(ROTATED_KEY)))).contains("no matching key");

        assertThat(fixture.jwks.fetchCount()).isEqualTo(2);
    }

    @Test
    void an_unknown_kid_with_a_cold_cache_causes_exactly_one_fetch() {
        invalidReason(fixture.verify(signedBy(ROTATED_KEY)));

        assertThat(fixture.jwks.fetchCount()).isEqualTo(1);
    }

    @Test
    void a_burst_of_unknown_kids_fetches_at_most_once_a_minute() throws Exception {
        verified(fixture.verify(valid()));
        List<String> burst = UNKNOWN_KEYS.stream().map(this::signedBy).toList();

        verifyConcurrently(burst).forEach(VerifierFixture::invalidReason);
        assertThat(fixture.jwks.fetchCount()).isEqualTo(2);

        advance(Duration.ofSeconds(30));
        verifyConcurrently(burst).forEach(VerifierFixture::invalidReason);
        assertThat(fixture.jwks.fetchCount()).isEqualTo(2);

        advance(Duration.ofSeconds(31));
        verifyConcurrently(burst).forEach(VerifierFixture::invalidReason);
        assertThat(fixture.jwks.fetchCount()).isEqualTo(3);

        verified(fixture.verify(valid()));
        assertThat(fixture.jwks.fetchCount()).isEqualTo(3);
    }

    @Test
    void a_rotated_key_is_accepted_once_published() {
        verified(fixture.verify(valid()));
        String rotated = signedBy(ROTATED_KEY);
        invalidReason(fixture.verify(rotated));

        fixture.jwks.publish(KEY, ROTATED_KEY);
        advance(Duration.ofSeconds(61));

        verified(fixture.verify(
                tokens.withSigningKey(ROTATED_KEY).sign(tokens.userClaims().build())));
        verified(fixture.verify(valid()));
        assertThat(fixture.jwks.fetchCount()).isEqualTo(3);
    }

    @Test
    void a_new_key_published_before_its_first_use_is_picked_up_by_one_fetch() {
        verified(fixture.verify(valid()));
        fixture.jwks.publish(KEY, ROTATED_KEY);

        verified(fixture.verify(signedBy(ROTATED_KEY)));

        assertThat(fixture.jwks.fetchCount()).isEqualTo(2);
    }

    @Test
    void a_withdrawn_key_is_refused_after_the_cache_expires() {
        verified(fixture.verify(valid()));
        fixture.jwks.publish(ROTATED_KEY);

        advance(Duration.ofMinutes(30));
        verified(fixture.verify(valid()));

        advance(Duration.ofMinutes(31));
        invalidReason(fixture.verify(valid()));
        verified(fixture.verify(signedBy(ROTATED_KEY)));
        assertThat(fixture.jwks.fetchCount()).isEqualTo(2);
    }

    @Test
    void keys_are_refreshed_ahead_of_expiry_in_the_background() throws Exception {
        verified(fixture.verify(valid()));
        advance(Duration.ofMinutes(56));

        verified(fixture.verify(valid()));

        awaitFetches(2);
        // One refresh ahead is enough: requests during it use the cached keys and start no other.
        verified(fixture.verify(valid()));
        assertThat(fixture.jwks.fetchCount()).isEqualTo(2);
    }

    @Test
    void an_outage_with_a_warm_cache_keeps_the_last_good_keys() {
        verified(fixture.verify(valid()));
        fixture.jwks.failWith(500);

        advance(Duration.ofMinutes(61));
        verified(fixture.verify(valid()));
        assertThat(fixture.jwks.fetchCount()).isEqualTo(2);

        advance(Duration.ofHours(22));
        verified(fixture.verify(valid()));
    }

    @Test
    void an_outage_longer_than_24_hours_makes_the_provider_unavailable() {
        verified(fixture.verify(valid()));
        fixture.jwks.failWith(500);

        advance(Duration.ofHours(12));
        verified(fixture.verify(valid()));
        advance(Duration.ofHours(12).plusMinutes(1));

        assertThat(fixture.verify(valid())).isInstanceOf(ProviderUnavailable.class);
    }

    @Test
    void a_failing_jwks_with_a_cold_cache_makes_the_provider_unavailable_not_the_token_invalid() {
        fixture.jwks.failWith(500);

        assertThat(fixture.verify(valid())).isInstanceOf(ProviderUnavailable.class);
        assertThat(fixture.jwks.fetchCount()).isEqualTo(1);
    }

    @Test
    void a_cold_outage_does_not_hammer_the_jwks() {
        fixture.jwks.failWith(500);

        for (int i = 0; i < 20; i++) {
            assertThat(fixture.verify(valid())).isInstanceOf(ProviderUnavailable.class);
        }

        assertThat(fixture.jwks.fetchCount()).isEqualTo(2);
    }

    @Test
    void service_resumes_when_the_jwks_recovers() {
        fixture.jwks.failWith(503);
        assertThat(fixture.verify(valid())).isInstanceOf(ProviderUnavailable.class);

        fixture.jwks.recover();

        verified(fixture.verify(valid()));
    }

    @Test
    void an_unreachable_jwks_with_a_cold_cache_makes_the_provider_unavailable() {
        fixture.jwks.close();

        assertThat(fixture.verify(valid())).isInstanceOf(ProviderUnavailable.class);
    }

    @Test
    void a_jwks_answering_html_with_a_cold_cache_makes_the_provider_unavailable() {
        fixture.jwks.failWith(200);

        assertThat(fixture.verify(valid())).isInstanceOf(ProviderUnavailable.class);
    }

    private List<TokenVerification> verifyConcurrently(List<String> tokensToVerify) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<TokenVerification>> futures = new ArrayList<>();
            for (String token : tokensToVerify) {
                futures.add(pool.submit(() -> fixture.verify(token)));
            }
            List<TokenVerification> results = new ArrayList<>();
            for (Future<TokenVerification> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitFetches(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (fixture.jwks.fetchCount() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(fixture.jwks.fetchCount()).isEqualTo(expected);
    }
}
