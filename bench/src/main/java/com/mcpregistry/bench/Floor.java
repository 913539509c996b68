package com.mcpregistry.bench;

import com.mcpregistry.postgres.PoolSettings;
import com.mcpregistry.postgres.PostgresPool;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The floor of SPEC §7's service cost: the least a service does to answer three of the benchmark's reads — the
 * statements serve runs for them, through plain JDBC on serve's own Hikari pool, and the same JSON bytes, written with
 * Jackson's streaming generator by a bare Jetty handler ({@link FloorHandler}) on the Jetty serve runs on, with
 * Javalin's thread pool. bench/run starts it as its own process, as it starts serve: {@code java -Xmx256m -cp
 * mcp-registry.jar:registry-bench.jar com.mcpregistry.bench.Floor}, with serve's {@code DATABASE_URL}.
 */
@Command(name = "floor", description = "Answers three of the benchmark's reads as cheaply as a service can.")
public final class Floor implements Callable<Integer> {

    /** Javalin's own request threads: at most 250, at least 8, idle ones ending after a minute. */
    private static final int MAX_THREADS = 250;

    private static final int MIN_THREADS = 8;
    private static final int IDLE_TIMEOUT_MS = 60_000;

    @Option(names = "--port", required = true, description = "the port on 127.0.0.1")
    int port;

    @Option(names = "--scripts", required = true, description = "bench/pgbench, whose read scripts it runs")
    Path scripts;

    @Option(names = "--reader", required = true, description = "the id of the user it reads as")
    UUID reader;

    public static void main(String[] args) {
        int status = new CommandLine(new Floor()).execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    @Override
    public Integer call() throws Exception {
        String databaseUrl = System.getenv("DATABASE_URL");
        if (databaseUrl == null) {
            System.err.println("floor: DATABASE_URL is not set");
            return 2;
        }
        HikariDataSource pool = PostgresPool.create(PoolSettings.fromDatabaseUrl(databaseUrl));
        Server server = new Server(new QueuedThreadPool(MAX_THREADS, MIN_THREADS, IDLE_TIMEOUT_MS));
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new FloorHandler(pool, scripts, reader));
        server.setStopAtShutdown(true);
        server.start();
        server.join();
        pool.close();
        return 0;
    }
}
