package com.mcpregistry.entra;

import com.mcpregistry.entra.testing.LocalJwks;
import com.mcpregistry.entra.testing.TestTokens;
import com.mcpregistry.identity.port.out.TokenVerification;
import com.mcpregistry.identity.port.out.TokenVerification.Verified;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What one verification costs: a cache miss (distinct tokens: parse, RS256, claims) against a cache hit (the same
 * token again). Not a test; run it by hand:
 *
 * <pre>
 * mvn -q -pl registry-adapter-entra -am test-compile
 * mvn -q -pl registry-adapter-entra dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp registry-adapter-entra/target/test-classes:registry-adapter-entra/target/classes:$(cat registry-adapter-entra/target/cp.txt) \
 *     com.mcpregistry.entra.VerificationCostBenchmark
 * </pre>
 *
 * Keys come from a JWKS on loopback (fetched once, then cached), as in production.
 */
public final class VerificationCostBenchmark {

    private static final int DISTINCT_TOKENS = 4_000;
    private static final int CACHED_ITERATIONS = 2_000_000;
    private static final int ROUNDS = 3;

    private VerificationCostBenchmark() {}

    public static void main(String[] args) throws Exception {
        Clock clock = Clock.systemUTC();
        String tenantId = UUID.randomUUID().toString();
        try (LocalJwks jwks = LocalJwks.start(tenantId)) {
            TestTokens tokens = new TestTokens(
                    jwks.authority(),
                    tenantId,
                    UUID.randomUUID().toString(),
                    TestTokens.newKey(TestTokens.DEFAULT_KID),
                    clock);
            jwks.publish(tokens.signingKey());
            EntraSettings settings = tokens.settingsBuilder()
                    .verificationCacheSize(4 * DISTINCT_TOKENS)
                    .build();

            System.out.printf("minting %d distinct tokens per round...%n", DISTINCT_TOKENS);
            for (int round = 1; round <= ROUNDS; round++) {
                List<String> distinct = mint(tokens, DISTINCT_TOKENS);
                try (EntraAccessTokenVerifier verifier = EntraAccessTokenVerifier.forTenant(settings, clock)) {
                    // The key set is fetched once, outside the measurement.
                    check(verifier.verify(tokens.sign(tokens.userClaims().build())));

                    long start = System.nanoTime();
                    for (String token : distinct) {
                        check(verifier.verify(token));
                    }
                    double coldNs = (System.nanoTime() - start) / (double) distinct.size();

                    String same = distinct.get(0);
                    long blackhole = 0;
                    start = System.nanoTime();
                    for (int i = 0; i < CACHED_ITERATIONS; i++) {
                        blackhole += verifier.verify(same).hashCode();
                    }
                    double cachedNs = (System.nanoTime() - start) / (double) CACHED_ITERATIONS;

                    System.out.printf(
                            "round %d: cold (cache miss, RS256) %,.0f ns/op over %d tokens; cached (same token) %,.0f ns/op over %d calls (%d)%n",
                            round, coldNs, distinct.size(), cachedNs, CACHED_ITERATIONS, blackhole & 1);
                }
            }
            System.out.printf("JWKS fetches: %d%n", jwks.fetchCount());
        }
    }

    private static List<String> mint(TestTokens tokens, int count) {
        List<String> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(tokens.sign(tokens.userClaims().build()));
        }
        return result;
    }

    private static void check(TokenVerification result) {
        if (!(result instanceof Verified)) {
            throw new IllegalStateException("benchmark token not verified: " + result);
        }
    }
}
