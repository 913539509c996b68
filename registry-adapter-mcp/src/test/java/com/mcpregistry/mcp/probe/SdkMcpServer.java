package com.mcpregistry.mcp.probe;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * A real MCP server (the SDK's server side in embedded Tomcat) on loopback, whose tools a test changes, and which
 * counts the sessions opened at each of its URLs (its endpoint with any query: one server stands for many remotes).
 */
public final class SdkMcpServer implements AutoCloseable {

    private final Tomcat tomcat;
    private final McpSyncServer server;
    private final URI url;
    private final SessionCount sessions;

    private SdkMcpServer(Tomcat tomcat, McpSyncServer server, URI url, SessionCount sessions) {
        this.tomcat = tomcat;
        this.server = server;
        this.url = url;
        this.sessions = sessions;
    }

    public static SdkMcpServer streamableHttp(SyncToolSpecification... tools) throws Exception {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint("/mcp")
                .build();
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("test-server", "1.2.3")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .jsonSchemaValidator(ProbeSession.NO_TOOL_CALLS)
                .tools(tools)
                .build();
        // A streamable HTTP session opens with an initialize request, the only one without a session id.
        return start(
                transport,
                server,
                "/mcp",
                new SessionCount(
                        request -> request.getMethod().equals("POST") && request.getHeader("Mcp-Session-Id") == null));
    }

    public static SdkMcpServer sse(SyncToolSpecification... tools) throws Exception {
        HttpServletSseServerTransportProvider transport = HttpServletSseServerTransportProvider.builder()
                .sseEndpoint("/sse")
                .messageEndpoint("/message")
                .build();
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("test-sse-server", "0.9")
                // No tools/list_changed: the SDK's SSE server would announce a changed tool to the event streams of
                // checks long ended, and fail a later check's messages while it cleans them up.
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonSchemaValidator(ProbeSession.NO_TOOL_CALLS)
                .tools(tools)
                .build();
        // An SSE session opens with the GET of its event stream; messages are posted elsewhere.
        return start(
                transport,
                server,
                "/sse",
                new SessionCount(request -> request.getMethod().equals("GET")));
    }

    private static SdkMcpServer start(HttpServlet servlet, McpSyncServer server, String path, SessionCount sessions)
            throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("mcp-tomcat").toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "mcp", servlet).setAsyncSupported(true);
        context.addServletMappingDecoded("/*", "mcp");
        FilterDef counting = new FilterDef();
        counting.setFilterName("sessions");
        counting.setFilter(sessions);
        counting.setAsyncSupported("true");
        context.addFilterDef(counting);
        FilterMap everything = new FilterMap();
        everything.setFilterName("sessions");
        everything.addURLPattern("/*");
        context.addFilterMap(everything);
        tomcat.start();
        URI url = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + path);
        return new SdkMcpServer(tomcat, server, url, sessions);
    }

    /** A tool whose input is one string {@code q}, titled with its name in capitals. */
    public static SyncToolSpecification tool(String name, String description) {
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

    /** Its endpoint. */
    public URI url() {
        return url;
    }

    /** Its endpoint with {@code query}: another remote URL, served by the same server. */
    public URI url(String query) {
        return URI.create(url + "?" + query);
    }

    /** How many sessions were opened at {@code url} (one of this server's URLs, query included). */
    public int sessionsAt(URI url) {
        return sessions.at(url.getRawPath()
                + Optional.ofNullable(url.getRawQuery()).map(q -> "?" + q).orElse(""));
    }

    /** How many {@code method} requests reached {@code url}. */
    public int requestsAt(URI url, String method) {
        return sessions.requestsAt(method + " " + url.getRawPath()
                + Optional.ofNullable(url.getRawQuery()).map(q -> "?" + q).orElse(""));
    }

    /** How many sessions a client ended at {@code url} ({@code DELETE}, streamable HTTP only). */
    public int sessionsEndedAt(URI url) {
        return sessions.endedAt(url.getRawPath()
                + Optional.ofNullable(url.getRawQuery()).map(q -> "?" + q).orElse(""));
    }

    /** How many sessions were opened at each URL, by path and query. */
    public Map<String, Integer> sessions() {
        return sessions.all();
    }

    public void addTool(SyncToolSpecification tool) {
        server.addTool(tool);
    }

    public void removeTool(String name) {
        server.removeTool(name);
    }

    /** Replaces the tool of the same name with {@code tool} (e.g. another description); clients are told. */
    public void replaceTool(SyncToolSpecification tool) {
        server.removeTool(tool.tool().name());
        server.addTool(tool);
    }

    @Override
    public void close() throws LifecycleException {
        server.close();
        tomcat.stop();
        tomcat.destroy();
    }

    /** Counts the requests that open a session, and those that end one, by path and query. */
    private static final class SessionCount implements Filter {
        private final Predicate<HttpServletRequest> opensSession;
        private final Map<String, Integer> counts = new ConcurrentHashMap<>();
        private final Map<String, Integer> ended = new ConcurrentHashMap<>();
        private final Map<String, Integer> requests = new ConcurrentHashMap<>();

        SessionCount(Predicate<HttpServletRequest> opensSession) {
            this.opensSession = opensSession;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            String query = http.getQueryString();
            String at = http.getRequestURI() + (query == null ? "" : "?" + query);
            requests.merge(http.getMethod() + " " + at, 1, Integer::sum);
            if (opensSession.test(http)) {
                counts.merge(at, 1, Integer::sum);
            } else if (http.getMethod().equals("DELETE")) {
                ended.merge(at, 1, Integer::sum);
            }
            chain.doFilter(request, response);
        }

        int at(String pathAndQuery) {
            return counts.getOrDefault(pathAndQuery, 0);
        }

        int requestsAt(String methodPathAndQuery) {
            return requests.getOrDefault(methodPathAndQuery, 0);
        }

        int endedAt(String pathAndQuery) {
            return ended.getOrDefault(pathAndQuery, 0);
        }

        Map<String, Integer> all() {
            return Map.copyOf(counts);
        }
    }
}
