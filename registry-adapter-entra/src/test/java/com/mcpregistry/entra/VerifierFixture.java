package com.mcpregistry.entra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.testing.TestClock;
import com.mcpregistry.entra.testing.LocalJwks;
import com.mcpregistry.entra.testing.TestTokens;
import com.mcpregistry.identity.VerifiedToken;
import com.mcpregistry.identity.port.out.TokenVerification;
import com.mcpregistry.identity.port.out.TokenVerification.Invalid;
import com.mcpregistry.identity.port.out.TokenVerification.Verified;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** One tenant's JWKS on loopback, tokens for it, and a verifier of them, all on a clock the test moves. */
final class VerifierFixture implements AutoCloseable {

    /** Keys are shared by all tests: generating RSA keys is the slow part. */
    static final RSAKey KEY = TestTokens.newKey(TestTokens.DEFAULT_KID);

    static final RSAKey ROTATED_KEY = TestTokens.newKey("test-key-2");
    static final RSAKey ATTACKER_KEY = TestTokens.newKey("attacker-key");

    final TestClock clock = TestClock.atSecond();
    final LocalJwks jwks;
    final TestTokens tokens;
    private EntraAccessTokenVerifier verifier;

    VerifierFixture() {
        String tenantId = UUID.randomUUID().toString();
        jwks = LocalJwks.start(tenantId).publish(KEY);
        tokens = new TestTokens(jwks.authority(), tenantId, UUID.randomUUID().toString(), KEY, clock);
        verifier = EntraAccessTokenVerifier.forTenant(tokens.settings(), clock);
    }

    EntraAccessTokenVerifier verifier() {
        return verifier;
    }

    /** Replaces the verifier with one built from other settings (e.g. {@code tokens.settings().with…}). */
    EntraAccessTokenVerifier reconfigure(EntraSettings settings) {
        closeVerifier();
        verifier = EntraAccessTokenVerifier.forTenant(settings, clock);
        return verifier;
    }

    TokenVerification verify(String token) {
        return verifier.verify(token);
    }

    static VerifiedToken verified(TokenVerification result) {
        assertThat(result).isInstanceOf(Verified.class);
        return ((Verified) result).identity();
    }

    static String invalidReason(TokenVerification result) {
        assertThat(result).isInstanceOf(Invalid.class);
        return ((Invalid) result).reason();
    }

    @Override
    public void close() {
        closeVerifier();
        jwks.close();
    }

    private void closeVerifier() {
        try {
            verifier.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
