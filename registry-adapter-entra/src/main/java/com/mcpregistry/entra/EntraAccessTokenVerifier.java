package com.mcpregistry.entra;

import com.mcpregistry.identity.port.out.AccessTokenVerifier;
import com.mcpregistry.identity.port.out.TokenVerification;
import com.mcpregistry.identity.port.out.TokenVerification.InsufficientScope;
import com.mcpregistry.identity.port.out.TokenVerification.Invalid;
import com.mcpregistry.identity.port.out.TokenVerification.ProviderUnavailable;
import com.mcpregistry.identity.port.out.TokenVerification.Verified;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.text.ParseException;
import java.time.Clock;
import java.util.Objects;

/**
 * Verifies Entra ID v2.0 access tokens for this API (SPEC §5) with Nimbus JOSE+JWT.
 *
 * <ul>
 *   <li>Header: {@code alg} exactly RS256, a {@code kid}, {@code typ} {@code JWT} (required: Entra always sends
 *       it, and so does the {@link DevelopmentTokenIssuer}); tokens that name a key by URL or embed one
 *       ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}) are rejected without looking at it, and so is any
 *       {@code crit} header, since we understand no extension.
 *   <li>Keys: only from the configured source: the tenant's JWKS ({@link #forTenant}), fetched on first use, or a
 *       given key source ({@link #withKeys}), such as the development issuer's.
 *   <li>Claims: {@code iss} exactly {@link EntraSettings#issuer()}, {@code ver} 2.0, {@code tid} the tenant, one
 *       {@code aud}: the client id or a configured extra audience; {@code exp}, {@code nbf} (within the clock skew)
 *       and {@code oid} required. The caller is (tid, oid). A delegated token carries {@code scp}, holding the
 *       required scope if one is configured (else {@link InsufficientScope}); an app-only token (a service
 *       principal's) carries {@code roles}, holding the publish role or the admin role (else
 *       {@link InsufficientScope}); neither {@code scp} nor {@code roles} is {@link Invalid}. Admin by app role or
 *       group; a groups overage is never admin by group and its URL is never fetched.
 *   <li>No usable key set at all (cold cache, JWKS unreachable) is {@link ProviderUnavailable}, not {@link Invalid}.
 * </ul>
 *
 * <p>Results of fully verified tokens are cached by SHA-256 of the token until its {@code exp}. Tokens are never
 * logged. Close the verifier to stop its background key refresh.
 */
public final class EntraAccessTokenVerifier implements AccessTokenVerifier, Closeable {

    /** Longer than any Entra access token (one with 200 groups is about 12 KB) and short enough to refuse cheaply. */
    public static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private static final System.Logger LOG = System.getLogger(EntraAccessTokenVerifier.class.getName());

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final IdentityClaims identityClaims;
    private final VerificationCache cache;
    private final Closeable keys;

    private EntraAccessTokenVerifier(
            EntraSettings settings, JWKSource<SecurityContext> keySource, Clock clock, Closeable keys) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(keySource, "keySource");
        Objects.requireNonNull(clock, "clock");
        this.keys = keys;
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keySource));
        processor.setJWTClaimsSetVerifier(new EntraClaimsVerifier(settings, clock));
        this.identityClaims = new IdentityClaims(settings);
        this.cache = new VerificationCache(settings.verificationCacheSize(), clock);
    }

    /**
     * A verifier for the configured tenant, with keys from {@link EntraSettings#jwksUri()}. Nothing is fetched
     * now: the keys are fetched when the first token arrives.
     */
    public static EntraAccessTokenVerifier forTenant(EntraSettings settings) {
        return forTenant(settings, Clock.systemUTC());
    }

    /** As {@link #forTenant(EntraSettings)}, with time (token lifetimes, key cache, rate limit) from {@code clock}. */
    public static EntraAccessTokenVerifier forTenant(EntraSettings settings, Clock clock) {
        TenantSigningKeys keys = TenantSigningKeys.fetchedFrom(settings.jwksUri(), settings.jwks(), clock);
        return new EntraAccessTokenVerifier(settings, keys, clock, keys);
    }

    /**
     * A verifier that takes its keys from {@code keySource} instead of the tenant's JWKS, e.g. the
     * {@link DevelopmentTokenIssuer#keySource()}. Every other rule is the same. {@link EntraSettings#jwks()} is
     * not used.
     */
    public static EntraAccessTokenVerifier withKeys(EntraSettings settings, JWKSource<SecurityContext> keySource) {
        return withKeys(settings, keySource, Clock.systemUTC());
    }

    public static EntraAccessTokenVerifier withKeys(
            EntraSettings settings, JWKSource<SecurityContext> keySource, Clock clock) {
        return new EntraAccessTokenVerifier(settings, keySource, clock, null);
    }

    @Override
    public TokenVerification verify(String bearerToken) {
        if (bearerToken == null || bearerToken.isEmpty()) {
            return new Invalid("no token");
        }
        if (bearerToken.length() > MAX_TOKEN_LENGTH) {
            return new Invalid("token too large");
        }
        if (!isCompactJws(bearerToken)) {
            return new Invalid("malformed token");
        }
        ByteBuffer key = null;
        if (cache.enabled()) {
            key = VerificationCache.keyOf(bearerToken);
            TokenVerification cached = cache.find(key);
            if (cached != null) {
                return cached;
            }
        }
        try {
            SignedJWT jwt = SignedJWT.parse(bearerToken);
            String headerProblem = headerProblem(jwt.getHeader());
            if (headerProblem != null) {
                return invalid(headerProblem);
            }
            JWTClaimsSet claims = processor.process(jwt, null);
            TokenVerification result = identityClaims.toVerification(claims);
            if (key != null && (result instanceof Verified || result instanceof InsufficientScope)) {
                cache.put(key, result, claims.getExpirationTime().toInstant());
            }
            return result;
        } catch (ParseException e) {
            return invalid("malformed token");
        } catch (BadJOSEException e) {
            // Nimbus' own messages name the failed check; a parser's message might quote the payload.
            return invalid(e.getCause() instanceof ParseException ? "malformed claims" : e.getMessage());
        } catch (KeySourceException e) {
            LOG.log(Level.WARNING, "Entra signing keys are unavailable: {0}", e.getMessage());
            return new ProviderUnavailable("signing keys unavailable");
        } catch (JOSEException | RuntimeException e) {
            LOG.log(Level.DEBUG, "token verification failed", e);
            return invalid("token verification failed");
        }
    }

    /** How many verification results are cached now. */
    long cachedResults() {
        return cache.size();
    }

    @Override
    public void close() throws IOException {
        if (keys != null) {
            keys.close();
        }
    }

    private static Invalid invalid(String reason) {
        LOG.log(Level.DEBUG, "rejected access token: {0}", reason);
        return new Invalid(reason);
    }

    private static String headerProblem(JWSHeader header) {
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            return "alg must be RS256";
        }
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            return "kid is required";
        }
        if (!JOSEObjectType.JWT.equals(header.getType())) {
            return "typ must be JWT";
        }
        if (header.getJWKURL() != null
                || header.getX509CertURL() != null
                || header.getJWK() != null
                || header.getX509CertChain() != null) {
            return "keys named or embedded in the header are not accepted";
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            return "unsupported critical header";
        }
        return null;
    }

    /** Three non-empty base64url segments separated by dots: the only shape a signed JWT can have. */
    private static boolean isCompactJws(String token) {
        int dots = 0;
        int segmentLength = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (segmentLength == 0) {
                    return false;
                }
                dots++;
                segmentLength = 0;
            } else if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_') {
                segmentLength++;
            } else {
                return false;
            }
        }
        return dots == 2 && segmentLength > 0;
    }
}
