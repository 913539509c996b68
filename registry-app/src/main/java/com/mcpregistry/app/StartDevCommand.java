package com.mcpregistry.app;

import com.mcpregistry.domain.audit.AuditKey;
import com.mcpregistry.domain.audit.AuditKeys;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.domain.serverjson.PublishRules;
import com.mcpregistry.entra.DevelopmentTokenIssuer;
import com.mcpregistry.entra.DevelopmentUser;
import com.mcpregistry.entra.EntraAccessTokenVerifier;
import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.limits.LimitSettings;
import com.mcpregistry.postgres.PoolSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Development: embedded PostgreSQL under {@code ./.registry-dev/}, the development token issuer, localhost only.
 * Prints where it listens and tokens to call it with.
 */
@Command(name = "start-dev", description = "Run the registry for development: embedded PostgreSQL, development tokens.")
final class StartDevCommand implements Callable<Integer> {
    /** start-dev listens on loopback only. */
    private static final String HOST = "127.0.0.1";

    @Option(names = "--port", defaultValue = "8080", description = "Port on localhost (default ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        Logging.configure(ServeSettings.LogFormat.TEXT, "INFO");
        // As serve does: every rate limit and quota at its default unless the environment says otherwise.
        LimitSettings limits = ServeSettings.limits(Environment.ofProcess());
        NamespacePolicy namespacePolicy = ServeSettings.namespacePolicy(Environment.ofProcess());
        // Remotes on this machine or over plain HTTP are what development runs against, unless told otherwise.
        PublishRules publishRules = ServeSettings.publishRules(Environment.ofProcess(), true);
        // Servers a developer runs on this machine are what start-dev checks, unless told otherwise.
        CheckSettings checks = ServeSettings.checks(Environment.ofProcess(), CheckSettings.LOOPBACK);
        // Refuse before creating anything: first when another start-dev uses this folder (the likelier reason for a
        // busy port, and the more useful message), then when the port is taken.
        Optional<StartDevLock> claimed = DevelopmentDirectory.exists()
                ? Optional.of(StartDevLock.claim(DevelopmentDirectory.ROOT))
                : Optional.empty();
        requireFreePort(port);
        StartDevLock lock = claimed.orElseGet(() -> StartDevLock.claim(DevelopmentDirectory.create()));
        Path directory = lock.directory();
        DevelopmentTokenIssuer issuer = DevelopmentDirectory.createOrLoadTokenIssuer(directory);
        AuditKey auditKey = DevelopmentDirectory.createOrLoadAuditKey(directory);
        DevelopmentDatabase database = DevelopmentDatabase.start(lock);
        RegistryServer server;
        try {
            server = RegistryServer.start(new RegistryServer.Options(
                    PoolSettings.of(database.jdbcUrl(), Optional.empty(), Optional.empty(), 2, 10),
                    EntraAccessTokenVerifier.withKeys(issuer.verifierSettings(), issuer.keySource()),
                    new ApiSettings(List.of()),
                    HOST,
                    port,
                    true,
                    new DevelopmentTokenRoutes(issuer),
                    ServeSettings.DEFAULT_SIGN_IN_MEMORY,
                    Clock.systemUTC(),
                    limits,
                    ServeSettings.DEFAULT_SEARCH_TIMEOUT,
                    // One role, the embedded PostgreSQL's superuser: development needs no least privilege, and
                    // the audit chain is keyed all the same.
                    new AuditProtection(
                            AuditKeys.of(auditKey),
                            AuditProtection.DEFAULT_CHECKPOINT_INTERVAL,
                            Optional.empty(),
                            AuditProtection.PrivilegeCheck.OFF),
                    namespacePolicy,
                    publishRules,
                    checks));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        String url = "http://localhost:" + server.port();
        System.out.printf(
                """

                MCP Registry (development) is running.
                  API:            %1$s
                  Docs:           %1$s/docs
                  MCP registry:   %1$s/v0.1/servers  (VS Code: "chat.mcp.gallery.serviceUrl": "%1$s")
                  Database:       %2$s (data in %3$s)

                A user token (valid %4$s h):
                  export USER_TOKEN=%5$s
                An admin token:
                  export ADMIN_TOKEN=%6$s
                More: java -jar registry-app/target/mcp-registry.jar token [--admin] [--name N] [--email E] [--oid O]
                      or POST %1$s/dev/token {"name":…,"email":…,"admin":true}
                A CI pipeline's (service principal) token, for POST %1$s/v0.1/publish:
                      java -jar registry-app/target/mcp-registry.jar token --service-principal NAME
                      or POST %1$s/dev/token {"service_principal":"NAME"}

                """,
                url,
                database.jdbcUrl(),
                directory,
                issuer.lifetime().toHours(),
                issuer.issue(DevelopmentUser.defaultUser()).accessToken(),
                issuer.issue(DevelopmentUser.defaultAdmin()).accessToken());
        ServeCommand.awaitShutdown(server, database);
        return 0;
    }

    /** Port 0 asks the system for a free one; any other must not be in use on localhost. */
    private static void requireFreePort(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            // As Jetty binds: a port left in TIME_WAIT by an earlier run is free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(HOST, port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on localhost is already in use (" + e.getMessage()
                    + "); stop what listens there or pick another with --port N");
        }
    }
}
