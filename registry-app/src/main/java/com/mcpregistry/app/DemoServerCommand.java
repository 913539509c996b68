package com.mcpregistry.app;

import com.mcpregistry.mcp.demo.DemoMcpServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a small MCP server on loopback to try the registry's checks with: the ledger's tools as approved, or with
 * {@code --drifted} as they are after a change nobody reviewed.
 */
@Command(
        name = "demo-server",
        description = {
            "Run a small MCP server on 127.0.0.1 (streamable HTTP at any path ending in /mcp) to try admission"
                    + " checks and drift with: two ledger tools, or with --drifted a poisoned description and an"
                    + " extra tool. Stop it with Ctrl-C."
        })
final class DemoServerCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", description = "port on 127.0.0.1 (default ${DEFAULT-VALUE})")
    int port = 3001;

    @Option(names = "--drifted", description = "list the tools as they are after an unreviewed change")
    boolean drifted;

    @Override
    public Integer call() throws Exception {
        Logging.configure(ServeSettings.LogFormat.TEXT, "WARN");
        DemoMcpServer server =
                DemoMcpServer.start(port, drifted ? DemoMcpServer.Tools.DRIFTED : DemoMcpServer.Tools.ORIGINAL);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }));
        System.out.println("demo MCP server (" + (drifted ? "drifted" : "original") + " tools) at " + server.url());
        server.join();
        return 0;
    }
}
