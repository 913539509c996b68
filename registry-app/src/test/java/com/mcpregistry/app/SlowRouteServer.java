package com.mcpregistry.app;

import com.mcpregistry.domain.audit.AuditKeys;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.domain.serverjson.PublishRules;
import com.mcpregistry.entra.EntraAccessTokenVerifier;
import com.mcpregistry.entra.EntraSettings;
import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.shared.Access;
import com.mcpregistry.limits.LimitSettings;
import com.mcpregistry.postgres.PoolSettings;
import com.mcpregistry.postgres.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A registry process for {@link GracefulShutdownEndToEndTest}: wired and shut down as {@code serve} is
 * ({@link RegistryServer}, {@link ServeCommand#awaitShutdown}), plus {@code GET /slow}, which answers after
 * {@code args[1]} milliseconds. Prints {@code listening <port>} once it serves and {@code slow request started}
 * when a slow request arrives.
 *
 * <p>Arguments: the JDBC URL of a database, the slow route's delay in milliseconds.
 */
final class SlowRouteServer {
    private SlowRouteServer() {}

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        Duration delay = Duration.ofMillis(Long.parseLong(args[1]));
        // Never asked: /slow is public and the test sends no token.
        EntraSettings nobody = EntraSettings.builder(
                        UUID.randomUUID().toString(), UUID.randomUUID().toString())
                .authority("http://127.0.0.1:9")
                .build();
        RegistryServer server = RegistryServer.start(new RegistryServer.Options(
                PoolSettings.of(jdbcUrl, Optional.empty(), Optional.empty(), 1, 2),
                EntraAccessTokenVerifier.forTenant(nobody),
                new ApiSettings(List.of()),
                "127.0.0.1",
                0,
                false,
                config -> config.routes.get(
                        "/slow",
                        ctx -> {
                            System.out.println("slow request started");
                            System.out.flush();
                            Thread.sleep(delay.toMillis());
                            ctx.result("slow request done");
                        },
                        Access.ANYONE),
                Duration.ZERO,
                Clock.systemUTC(),
                LimitSettings.off(),
                ServeSettings.DEFAULT_SEARCH_TIMEOUT,
                new AuditProtection(
                        AuditKeys.of(TestDatabase.AUDIT_KEY),
                        Duration.ZERO,
                        Optional.empty(),
                        AuditProtection.PrivilegeCheck.OFF),
                NamespacePolicy.OPEN,
                PublishRules.STRICT,
                // As serve runs: check workers leasing (nothing is due), stopped on SIGTERM with the rest.
                CheckSettings.defaults()));
        System.out.println("listening " + server.port());
        System.out.flush();
        ServeCommand.awaitShutdown(server);
        System.out.println("stopped");
        System.out.flush();
        // As Main.main ends after a command returns.
        System.exit(0);
    }
}
