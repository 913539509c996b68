package com.mcpregistry.app;

import com.mcpregistry.entra.DevelopmentTokenIssuer;
import com.mcpregistry.entra.DevelopmentUser;
import com.mcpregistry.entra.EntraAccessTokenVerifier;
import com.mcpregistry.http.RegistryApi;
import com.mcpregistry.postgres.PoolSettings;
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

    @Option(names = "--port", defaultValue = "8080", description = "Port on localhost (default ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        Logging.configure(ServeSettings.LogFormat.TEXT, "INFO");
        Path directory = DevelopmentDirectory.root();
        DevelopmentTokenIssuer issuer = DevelopmentDirectory.tokenIssuer();
        DevelopmentDatabase database = DevelopmentDatabase.start(directory);
        RegistryServer server;
        try {
            server = RegistryServer.start(new RegistryServer.Options(
                    PoolSettings.of(database.jdbcUrl(), Optional.empty(), Optional.empty())
                            .withPoolSize(2, 10),
                    EntraAccessTokenVerifier.withKeys(issuer.verifierSettings(), issuer.keySource()),
                    new RegistryApi.Settings(List.of()),
                    "127.0.0.1",
                    port,
                    true,
                    new DevelopmentTokenRoutes(issuer),
                    ServeSettings.DEFAULT_SIGN_IN_MEMORY,
                    Clock.systemUTC()));
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
}
