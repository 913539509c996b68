package com.mcpregistry.entra.testing;

import com.mcpregistry.entra.EntraSettings;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

/**
 * Mints Entra ID v2.0-shaped access tokens for one tenant and API, signed with a locally generated RSA key, so
 * that tests can start from a valid token and break one thing at a time.
 *
 * <pre>{@code
 * TestTokens tokens = TestTokens.create(jwks.authority(), clock);
 * jwks.publish(tokens.signingKey());
 * String valid = tokens.sign(tokens.userClaims().build());
 * String admin = tokens.sign(tokens.userClaims().claim("roles", List.of("Registry.Admin")).build());
 * }</pre>
 */
public final class TestTokens {

    public static final String DEFAULT_KID = "test-key-1";
    public static final String SCOPE = "access_as_user";
    public static final Duration LIFETIME = Duration.ofHours(1);

    private final String authority;
    private final String tenantId;
    private final String clientId;
    private final RSAKey signingKey;
    private final Clock clock;

    public TestTokens(String authority, String tenantId, String clientId, RSAKey signingKey, Clock clock) {
        this.authority = Objects.requireNonNull(authority, "authority");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Tokens for a random tenant and client id, signed with a new key whose kid is {@link #DEFAULT_KID}. */
    public static TestTokens create(String authority, Clock clock) {
        return new TestTokens(
                authority, UUID.randomUUID().toString(), UUID.randomUUID().toString(), newKey(DEFAULT_KID), clock);
    }

    /** The same tenant, API and clock, signing with another key. */
    public TestTokens withSigningKey(RSAKey key) {
        return new TestTokens(authority, tenantId, clientId, key, clock);
    }

    /** The same tenant, API and key, for a verifier at another authority. */
    public TestTokens withAuthority(String value) {
        return new TestTokens(value, tenantId, clientId, signingKey, clock);
    }

    /** A new RSA 2048 signing key pair (takes tens of milliseconds: share it between tests). */
    public static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String authority() {
        return authority;
    }

    public String tenantId() {
        return tenantId;
    }

    public String clientId() {
        return clientId;
    }

    public String issuer() {
        return authority + "/" + tenantId + "/v2.0";
    }

    public RSAKey signingKey() {
        return signingKey;
    }

    /** Verifier settings matching these tokens. */
    public EntraSettings settings() {
        return settingsBuilder().build();
    }

    /** Verifier settings matching these tokens, for a test to set the rest before it builds them. */
    public EntraSettings.Builder settingsBuilder() {
        return EntraSettings.builder(tenantId, clientId).authority(authority);
    }

    /** The claims of a valid delegated (user) token, issued now and valid for {@link #LIFETIME}. */
    public JWTClaimsSet.Builder userClaims() {
        return userClaims(UUID.randomUUID().toString());
    }

    public JWTClaimsSet.Builder userClaims(String oid) {
        return baseClaims(oid)
                .claim("name", "Ada Lovelace")
                .claim("preferred_username", "ada@contoso.example")
                .claim("scp", SCOPE);
    }

    /**
     * The claims of a valid app-only token (client credentials or workload identity federation) of a new service
     * principal: {@code roles}, {@code sub} equal to {@code oid}, no {@code scp}, name or e-mail. Without the optional
     * claim {@code idtyp}: add {@code .claim("idtyp", "app")} for an API that asks for it.
     */
    public JWTClaimsSet.Builder appClaims(String... roles) {
        return appClaimsOf(UUID.randomUUID().toString(), roles);
    }

    /** {@link #appClaims(String...)} of the service principal whose object id is {@code oid}. */
    public JWTClaimsSet.Builder appClaimsOf(String oid, String... roles) {
        return baseClaims(oid).subject(oid).claim("azpacr", "2").claim("roles", java.util.List.of(roles));
    }

    private JWTClaimsSet.Builder baseClaims(String oid) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .audience(clientId)
                .issuer(issuer())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("ver", "2.0")
                .claim("tid", tenantId)
                .claim("oid", oid)
                .subject(UUID.randomUUID().toString())
                .claim("azp", UUID.randomUUID().toString())
                .claim("azpacr", "0")
                .claim("uti", UUID.randomUUID().toString());
    }

    /** The header Entra ID writes: RS256, the signing key's kid, typ JWT. */
    public JWSHeader.Builder header() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(signingKey.getKeyID());
    }

    public String sign(JWTClaimsSet claims) {
        return sign(header().build(), claims);
    }

    public String sign(JWSHeader header, JWTClaimsSet claims) {
        return sign(signingKey, header, claims);
    }

    /** Signs with any RSA key and any RSA algorithm the header names (RS256, RS512, PS256…). */
    public static String sign(RSAKey key, JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
