package com.mcpregistry.bench;

import com.mcpregistry.entra.testing.LocalJwks;
import com.mcpregistry.entra.testing.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's identity provider: a JWKS on 127.0.0.1 for a random tenant, exactly as Entra ID serves it, and
 * access tokens signed by its key for a few users. {@code serve} is pointed at it with {@code ENTRA_AUTHORITY}, so
 * the tokens go through the production verifier; the development issuer is never involved.
 *
 * <p>It writes {@code tokens.txt} (one user access token a line, which bench/wrk/bench.lua reads), {@code oids.txt}
 * (the users' object ids, in the same order) and {@code identity.env} into its directory.
 */
final class BenchIdentity implements AutoCloseable {

    /**
     * The first user's object id. They are decimal numbers rather than GUIDs only for readability in the logs; the
     * verifier treats {@code oid} as an opaque string either way.
     */
    static final long FIRST_OID = 100_000;

    /** Longer than any benchmark run, so no token expires mid-run. */
    private static final Duration LIFETIME = Duration.ofHours(6);

    private final LocalJwks jwks;
    private final TestTokens tokens;
    private final List<String> accessTokens;
    private final Path tokensFile;

    private BenchIdentity(LocalJwks jwks, TestTokens tokens, List<String> accessTokens, Path tokensFile) {
        this.jwks = jwks;
        this.tokens = tokens;
        this.accessTokens = accessTokens;
        this.tokensFile = tokensFile;
    }

    static BenchIdentity start(int users, Path directory) throws IOException {
        Files.createDirectories(directory);
        TestTokens unbound = TestTokens.create("http://127.0.0.1", Clock.systemUTC());
        LocalJwks jwks = LocalJwks.start(unbound.tenantId());
        TestTokens tokens = unbound.withAuthority(jwks.authority());
        jwks.publish(tokens.signingKey());

        List<String> accessTokens = new ArrayList<>();
        List<String> oids = new ArrayList<>();
        Instant expiry = Instant.now().plus(LIFETIME);
        for (int i = 0; i < users; i++) {
            String oid = Long.toString(FIRST_OID + i);
            oids.add(oid);
            accessTokens.add(tokens.sign(tokens.userClaims(oid)
                    .claim("name", "Bench User " + i)
                    .claim("preferred_username", "bench-user-" + i + "@bench.example")
                    .expirationTime(Date.from(expiry))
                    .build()));
        }
        Path tokensFile = directory.resolve("tokens.txt");
        Files.write(tokensFile, accessTokens);
        Files.write(directory.resolve("oids.txt"), oids);
        BenchIdentity identity = new BenchIdentity(jwks, tokens, List.copyOf(accessTokens), tokensFile);
        StringBuilder env = new StringBuilder();
        identity.serveEnvironment().forEach((name, value) -> env.append(name + "=" + value + "\n"));
        Files.writeString(directory.resolve("identity.env"), env);
        return identity;
    }

    /** What {@code serve} needs to trust this identity provider. */
    Map<String, String> serveEnvironment() {
        return Map.of(
                "AZURE_TENANT_ID", tokens.tenantId(),
                "AZURE_CLIENT_ID", tokens.clientId(),
                "ENTRA_AUTHORITY", jwks.authority());
    }

    String tenantId() {
        return tokens.tenantId();
    }

    String firstOid() {
        return Long.toString(FIRST_OID);
    }

    List<String> accessTokens() {
        return accessTokens;
    }

    Path tokensFile() {
        return tokensFile;
    }

    @Override
    public void close() {
        jwks.close();
    }
}
