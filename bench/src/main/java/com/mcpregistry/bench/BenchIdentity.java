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
import java.util.concurrent.CountDownLatch;

/**
 * The benchmark's identity provider: a JWKS on 127.0.0.1 for a random tenant, exactly as Entra ID serves it, and
 * access tokens signed by its key for a few users. {@code serve} is pointed at it with {@code ENTRA_AUTHORITY}, so
 * the tokens go through the production verifier; the development issuer is never involved. Runs until SIGTERM.
 *
 * <p>{@code java -cp … com.mcpregistry.bench.BenchIdentity <out-directory> <users>} writes
 *
 * <ul>
 *   <li>{@code identity.env}: {@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID}, {@code ENTRA_AUTHORITY};
 *   <li>{@code tokens.txt}: one user access token a line;
 *   <li>{@code oids.txt}: the users' object ids, in the same order. They are decimal numbers (first
 *       {@link #FIRST_OID}) rather than GUIDs only so that pgbench, which has no string functions, can pick one at
 *       random; the verifier treats {@code oid} as an opaque string either way.
 * </ul>
 */
public final class BenchIdentity {

    static final long FIRST_OID = 100_000;

    /** Longer than any benchmark run, so no token expires mid-run. */
    private static final Duration LIFETIME = Duration.ofHours(6);

    private BenchIdentity() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: BenchIdentity <out-directory> <users>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int users = Integer.parseInt(args[1]);
        Files.createDirectories(out);

        TestTokens unbound = TestTokens.create("http://127.0.0.1", Clock.systemUTC());
        LocalJwks jwks = LocalJwks.start(unbound.tenantId());
        TestTokens tokens = unbound.withAuthority(jwks.authority());
        jwks.publish(tokens.signingKey());

        List<String> lines = new ArrayList<>();
        List<String> oids = new ArrayList<>();
        Instant expiry = Instant.now().plus(LIFETIME);
        for (int i = 0; i < users; i++) {
            String oid = Long.toString(FIRST_OID + i);
            oids.add(oid);
            lines.add(tokens.sign(tokens.userClaims(oid)
                    .claim("name", "Bench User " + i)
                    .claim("preferred_username", "bench-user-" + i + "@bench.example")
                    .expirationTime(Date.from(expiry))
                    .build()));
        }
        Files.write(out.resolve("tokens.txt"), lines);
        Files.write(out.resolve("oids.txt"), oids);
        Files.writeString(
                out.resolve("identity.env"),
                "AZURE_TENANT_ID=" + tokens.tenantId() + "\nAZURE_CLIENT_ID=" + tokens.clientId() + "\nENTRA_AUTHORITY="
                        + jwks.authority() + "\n");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            jwks.close();
                            stopped.countDown();
                        },
                        "stop-bench-jwks"));
        System.out.println("ready " + jwks.authority());
        System.out.flush();
        stopped.await();
    }
}
