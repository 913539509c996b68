package com.mcpregistry.entra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Mints access tokens for local development: same header and claims as Entra ID v2.0 access tokens, signed with a
 * local RSA 2048 key, for the fixed {@link #TENANT_ID development tenant}. They go through the very same
 * {@link EntraAccessTokenVerifier}, built with {@link #verifierSettings()} and {@link #keySource()}.
 *
 * <p>Only the application decides to create one ({@code start-dev} and the {@code token} command); nothing in this
 * module does, and a verifier for a real tenant never trusts its key. The key pair is kept as JWK JSON in the given
 * directory (readable by the owner only, where the file system allows), so tokens stay valid across restarts.
 */
public final class DevelopmentTokenIssuer {

    /** The development tenant: not a real Entra tenant. */
    public static final String TENANT_ID = "6d637072-6567-4000-8000-646576000001";

    /** The client id of the API in development. */
    public static final String CLIENT_ID = "6d637072-6567-4000-8000-646576000002";

    /** An issuer no real service uses ({@code .invalid} never resolves), so a development token is never mistaken. */
    public static final String AUTHORITY = "https://login.registry-dev.invalid";

    /** The delegated permission development tokens carry. */
    public static final String SCOPE = "access_as_user";

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    /** The file, inside the given directory, that holds the key pair. */
    public static final String KEY_FILE = "dev-token-signing-key.jwk.json";

    private final RSAKey signingKey;
    private final JWKSet publicKeys;
    private final RSASSASigner signer;
    private final EntraSettings settings;
    private final Duration lifetime;
    private final Clock clock;

    private DevelopmentTokenIssuer(RSAKey signingKey, String authority, Duration lifetime, Clock clock) {
        this.signingKey = signingKey;
        this.publicKeys = new JWKSet(signingKey.toPublicJWK());
        try {
            this.signer = new RSASSASigner(signingKey);
        } catch (JOSEException e) {
            throw new IllegalStateException("the development signing key cannot sign", e);
        }
        this.settings =
                EntraSettings.builder(TENANT_ID, CLIENT_ID).authority(authority).build();
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        this.lifetime = lifetime;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The issuer whose key pair is already in {@code directory}; fails when there is none (nothing is created). */
    public static DevelopmentTokenIssuer load(Path directory) {
        Objects.requireNonNull(directory, "directory");
        try {
            return new DevelopmentTokenIssuer(
                    readKey(directory.resolve(KEY_FILE)), AUTHORITY, DEFAULT_LIFETIME, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the development signing key in " + directory, e);
        }
    }

    /** The issuer whose key pair is in {@code directory} (created there, with the directory, if absent). */
    public static DevelopmentTokenIssuer loadOrCreate(Path directory) {
        return loadOrCreate(directory, AUTHORITY, DEFAULT_LIFETIME, Clock.systemUTC());
    }

    public static DevelopmentTokenIssuer loadOrCreate(
            Path directory, String authority, Duration lifetime, Clock clock) {
        return new DevelopmentTokenIssuer(loadOrCreateKey(directory), authority, lifetime, clock);
    }

    /** An issuer with a fresh key that is kept nowhere: for tests. */
    public static DevelopmentTokenIssuer ephemeral(Clock clock) {
        return new DevelopmentTokenIssuer(generateKey(), AUTHORITY, DEFAULT_LIFETIME, clock);
    }

    /** The settings a verifier of this issuer's tokens uses: development tenant and client id, same authority. */
    public EntraSettings verifierSettings() {
        return settings;
    }

    /** The public half of the signing key. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    /** The public key as a Nimbus key source, for {@link EntraAccessTokenVerifier#withKeys}. */
    public JWKSource<SecurityContext> keySource() {
        return new ImmutableJWKSet<>(publicKeys);
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A signed access token for {@code user}, valid from now for {@link #lifetime()}. */
    public IssuedToken issue(DevelopmentUser user) {
        Objects.requireNonNull(user, "user");
        JWTClaimsSet.Builder claims = baseClaims(user.objectId())
                .claim("name", user.name())
                .claim("preferred_username", user.email())
                // Development users' e-mails count as verified, as in a tenant that issues the optional claims
                // email and xms_edov, so that `admin grant <email>` works against start-dev's database.
                .claim("email", user.email())
                .claim("xms_edov", true)
                .claim("scp", SCOPE)
                .claim("azp", settings.clientId());
        if (user.admin()) {
            claims.claim("roles", List.of(settings.adminRole()));
        }
        if (!user.groups().isEmpty()) {
            claims.claim("groups", user.groups());
        }
        return sign(claims);
    }

    /**
     * A signed app-only access token for {@code servicePrincipal}, as Entra ID issues one to a CI pipeline (client
     * credentials or workload identity federation) for {@code api://…/.default}: no {@code scp}, the app roles
     * assigned to it in {@code roles} (the publish role, and the admin role if it is an admin), {@code idtyp}
     * {@code app}, and {@code sub} equal to {@code oid}. It also carries {@code app_displayname} (a claim of v1.0
     * tokens) so that development shows the pipeline by its name rather than its application id.
     */
    public IssuedToken issue(DevelopmentServicePrincipal servicePrincipal) {
        Objects.requireNonNull(servicePrincipal, "servicePrincipal");
        List<String> roles = servicePrincipal.admin()
                ? List.of(settings.publishRole(), settings.adminRole())
                : List.of(settings.publishRole());
        return sign(baseClaims(servicePrincipal.objectId())
                .claim("azp", servicePrincipal.applicationId())
                .claim("azpacr", "2")
                .claim("app_displayname", servicePrincipal.name())
                .claim("idtyp", "app")
                .claim("roles", roles));
    }

    /** The claims every token carries: audience, issuer, lifetime from now, version, tenant, object id and sub. */
    private JWTClaimsSet.Builder baseClaims(String objectId) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .audience(settings.clientId())
                .issuer(settings.issuer())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("ver", EntraClaimsVerifier.VERSION)
                .claim("tid", settings.tenantId())
                .claim("oid", objectId)
                .subject(objectId)
                .jwtID(UUID.randomUUID().toString());
    }

    private IssuedToken sign(JWTClaimsSet.Builder claims) {
        JWTClaimsSet built = claims.build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(signingKey.getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, built);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a development token failed", e);
        }
        return new IssuedToken(jwt.serialize(), built.getExpirationTime().toInstant(), lifetime);
    }

    /** A token just minted, and when it expires. */
    public record IssuedToken(String accessToken, Instant expiresAt, Duration expiresIn) {
        public IssuedToken {
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(expiresIn, "expiresIn");
        }

        @Override
        public String toString() {
            return "IssuedToken[expiresAt=" + expiresAt + "]";
        }
    }

    private static RSAKey loadOrCreateKey(Path directory) {
        Objects.requireNonNull(directory, "directory");
        Path file = directory.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return readKey(file);
            }
            Files.createDirectories(directory);
            RSAKey key = generateKey();
            Path temporary = Files.createTempFile(directory, ".dev-token-signing-key", ".tmp");
            try {
                restrictToOwner(temporary);
                Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
                moveIntoPlace(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
            // Another process may have won the race: everyone uses the key that is on disk.
            return readKey(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load or save the development signing key in " + directory, e);
        }
    }

    private static void moveIntoPlace(Path temporary, Path file) throws IOException {
        try {
            // Without REPLACE_EXISTING: a key already saved by another process is never overwritten.
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException e) {
            // Another process saved its key first; that one is used.
        }
    }

    private static RSAKey readKey(Path file) throws IOException {
        try {
            RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!key.isPrivate() || key.getKeyID() == null || key.size() < 2048) {
                throw new IOException(file + " does not hold a private RSA key of at least 2048 bits with a kid");
            }
            return key;
        } catch (ParseException e) {
            throw new IOException(file + " does not hold a JWK", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's own permissions apply.
        }
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key pair", e);
        }
    }
}
