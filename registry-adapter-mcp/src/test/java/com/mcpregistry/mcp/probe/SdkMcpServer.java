package com.mcpregistry.mcp.probe;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

/** A real MCP server (the SDK's server side in embedded Tomcat) on loopback, whose tools a test changes. */
final class SdkMcpServer implements AutoCloseable {

    private final Tomcat tomcat;
    private final McpSyncServer server;
    private final URI url;

    private SdkMcpServer(Tomcat tomcat, McpSyncServer server, URI url) {
        this.tomcat = tomcat;
        this.server = server;
        this.url = url;
    }

    static SdkMcpServer streamableHttp(SyncToolSpecification... tools) throws Exception {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint("/mcp")
                .build();
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("test-server", "1.2.3")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(tools)
                .build();
        return start(transport, server, "/mcp");
    }

    static SdkMcpServer sse(SyncToolSpecification... tools) throws Exception {
        HttpServletSseServerTransportProvider transport = HttpServletSseServerTransportProvider.builder()
                .sseEndpoint("/sse")
                .messageEndpoint("/message")
                .build();
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("test-sse-server", "0.9")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(tools)
                .build();
        return start(transport, server, "/sse");
    }

    private static SdkMcpServer start(HttpServlet servlet, McpSyncServer server, String path) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("mcp-tomcat").toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "mcp", servlet).setAsyncSupported(true);
        context.addServletMappingDecoded("/*", "mcp");
        tomcat.start();
        URI url = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + path);
        return new SdkMcpServer(tomcat, server, url);
    }

    static SyncToolSpecification tool(String name, String description) {
        return SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder()
                        .name(name)
                        .title(name.toUpperCase(java.util.Locale.ROOT))
                        .description(description)
                        .inputSchema(Map.of(
                                "type", "object",
                                "required", List.of("q"),
                                "properties", Map.of("q", Map.of("type", "string"))))
                        .annotations(new McpSchema.ToolAnnotations(null, true, false, true, false, null))
                        .build())
                .callHandler((exchange, request) ->
                        McpSchema.CallToolResult.builder().build())
                .build();
    }

    URI url() {
        return url;
    }

    void addTool(SyncToolSpecification tool) {
        server.addTool(tool);
    }

    void removeTool(String name) {
        server.removeTool(name);
    }

    @Override
    public void close() throws LifecycleException {
        server.close();
        tomcat.stop();
        tomcat.destroy();
    }
}
