package com.mcpregistry.mcp.probe;

import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.ServerInfo;
import com.mcpregistry.domain.checks.Tool;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.mcp.egress.AddressGuard;
import com.mcpregistry.mcp.egress.CheckEgress;
import com.mcpregistry.mcp.egress.CheckEgress.RefusedAddressException;
import com.mcpregistry.mcp.egress.PinnedTunnel;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The MCP session of one check of one remote: connect, initialize, list, and the report of what it found or why it
 * could not.
 */
final class ProbeSession {

    private static final int MAX_DETAIL_LENGTH = 500;
    private static final McpSchema.Implementation CLIENT = new McpSchema.Implementation("mcp-registry-probe", "1.0");

    /**
     * The SDK validates what a called tool answers against its output schema; a check calls no tool. Set so that the
     * SDK does not load its default validator, whose JSON schema library is not on the registry's class path (the
     * registry's own tests use another major version of it; see the parent pom).
     */
    static final JsonSchemaValidator NO_TOOL_CALLS =
            (schema, structuredContent) -> JsonSchemaValidator.ValidationResponse.asInvalid("a check calls no tool");

    private final ProbeSettings settings;
    private final URI url;
    private final RemoteTransport transport;
    private final long started;
    private final CheckEgress egress;
    private volatile McpSyncClient client;

    ProbeSession(ProbeSettings settings, AddressGuard guard, URI url, RemoteTransport transport, long started) {
        this.settings = settings;
        this.url = url;
        this.transport = transport;
        this.started = started;
        this.egress = new CheckEgress(guard, settings.resolver(), settings.connectTimeout());
    }

    /**
     * Runs the check and completes {@code report} as soon as its report is known; then ends the session. A server
     * that answered is told the session is over ({@code DELETE} of its MCP session, within the SDK's bound of 10 s)
     * before the check's connections close, so that it need not keep the session until it times out; the caller does
     * not wait for that.
     */
    void run(CompletableFuture<ProbeReport> report) {
        boolean answered = false;
        try {
            ProbeReport found = report();
            answered = found.outcome() == ProbeOutcome.REACHABLE;
            report.complete(found);
        } catch (RuntimeException | Error e) {
            report.completeExceptionally(e);
            throw e;
        } finally {
            end(answered);
        }
    }

    private ProbeReport report() {
        try {
            return check();
        } catch (RuntimeException | IOException e) {
            return failure(e);
        }
    }

    private void end(boolean politely) {
        McpSyncClient running = client;
        try {
            if (running != null && politely) {
                running.closeGracefully();
            }
        } finally {
            abort();
        }
    }

    /** Ends every connection of the check (at its end, or when the caller stops waiting). */
    void abort() {
        McpSyncClient running = client;
        if (running != null) {
            running.close();
        }
        egress.close();
    }

    private ProbeReport check() throws IOException {
        Optional<String> unusable = unusable(url);
        if (unusable.isPresent()) {
            return failed(ProbeOutcome.PROTOCOL_ERROR, unusable.get());
        }
        PinnedTunnel tunnel = egress.tunnelTo(url);
        client = McpClient.sync(clientTransport(tunnel))
                .clientInfo(CLIENT)
                .jsonSchemaValidator(NO_TOOL_CALLS)
                .capabilities(McpSchema.ClientCapabilities.builder().build())
                .requestTimeout(settings.checkTimeout())
                .initializationTimeout(settings.checkTimeout())
                .build();
        McpSchema.InitializeResult initialized = client.initialize();
        McpSchema.ServerCapabilities capabilities = initialized.capabilities();
        List<McpSchema.Tool> tools = new ArrayList<>();
        int prompts = 0;
        int resources = 0;
        if (capabilities != null && capabilities.tools() != null) {
            Optional<String> tooMany = pages("tools", cursor -> {
                McpSchema.ListToolsResult page = client.listTools(cursor);
                tools.addAll(Optional.ofNullable(page.tools()).orElse(List.of()));
                return page.nextCursor();
            });
            if (tooMany.isPresent()) {
                return failed(ProbeOutcome.TOO_LARGE, tooMany.get());
            }
            if (tools.size() > settings.maxTools()) {
                return failed(ProbeOutcome.TOO_LARGE, "more than " + settings.maxTools() + " tools");
            }
        }
        if (capabilities != null && capabilities.prompts() != null) {
            int[] count = {0};
            Optional<String> tooMany = pages("prompts", cursor -> {
                McpSchema.ListPromptsResult page = client.listPrompts(cursor);
                count[0] += Optional.ofNullable(page.prompts()).map(List::size).orElse(0);
                return page.nextCursor();
            });
            if (tooMany.isPresent()) {
                return failed(ProbeOutcome.TOO_LARGE, tooMany.get());
            }
            prompts = count[0];
        }
        if (capabilities != null && capabilities.resources() != null) {
            int[] count = {0};
            Optional<String> tooMany = pages("resources", cursor -> {
                McpSchema.ListResourcesResult page = client.listResources(cursor);
                count[0] +=
                        Optional.ofNullable(page.resources()).map(List::size).orElse(0);
                return page.nextCursor();
            });
            if (tooMany.isPresent()) {
                return failed(ProbeOutcome.TOO_LARGE, tooMany.get());
            }
            resources = count[0];
        }
        McpSchema.Implementation server = initialized.serverInfo();
        return new ProbeReport(
                ProbeOutcome.REACHABLE,
                latency(),
                Optional.ofNullable(initialized.protocolVersion()),
                Optional.ofNullable(server)
                        .map(info -> new ServerInfo(
                                Optional.ofNullable(info.name()).orElse(""),
                                Optional.ofNullable(info.version()).orElse(""))),
                Optional.ofNullable(capabilities).map(CanonicalJson::of),
                new ToolSet(tools.stream().map(ProbeSession::tool).toList()),
                prompts,
                resources,
                List.of(),
                Optional.empty());
    }

    /** Reads pages until the last one; a description of the excess when there are more pages than a check reads. */
    private Optional<String> pages(String list, Function<String, String> readPage) {
        String cursor = null;
        for (int page = 0; page < settings.maxPages(); page++) {
            cursor = readPage.apply(cursor);
            if (cursor == null || cursor.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of("more than " + settings.maxPages() + " pages of " + list);
    }

    private McpClientTransport clientTransport(PinnedTunnel tunnel) {
        // No cookie handler, no authenticator, no redirects: the check carries no credential and goes nowhere
        // but the pinned address.
        HttpClient.Builder http = HttpClient.newBuilder()
                .proxy(tunnel.proxySelector())
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(ProbeThreads.HTTP);
        HttpRequest.Builder requests = HttpRequest.newBuilder().header("User-Agent", settings.userAgent());
        String origin = url.getScheme() + "://" + url.getRawAuthority();
        String endpoint = Optional.ofNullable(url.getRawPath())
                        .filter(path -> !path.isEmpty())
                        .orElse("/")
                + Optional.ofNullable(url.getRawQuery())
                        .map(query -> "?" + query)
                        .orElse("");
        if (transport == RemoteTransport.SSE) {
            return HttpClientSseClientTransport.builder(origin)
                    .sseEndpoint(endpoint)
                    .clientBuilder(http)
                    .requestBuilder(requests)
                    .connectTimeout(settings.connectTimeout())
                    .maxResponseSize(settings.maxAnswerBytes())
                    .build();
        }
        return HttpClientStreamableHttpTransport.builder(origin)
                .endpoint(endpoint)
                .clientBuilder(http)
                .requestBuilder(requests)
                .connectTimeout(settings.connectTimeout())
                .maxResponseSize(settings.maxAnswerBytes())
                .openConnectionOnStartup(false)
                .resumableStreams(false)
                .asyncHttpRequestCustomizer(ProbeSession::withoutEventStream)
                .build();
    }

    /**
     * Sends every request of the check but the {@code GET} that opens a stream for the server's own messages: a
     * check asks and reads the answers, and wants nothing the server would say unasked (the client MAY open that
     * stream, says the streamable HTTP transport). Without it, no stream is left to race the session's end: the SDK
     * opens it after initialisation without waiting, and a {@code 404} that reaches it after the check's
     * {@code DELETE} would make it open a second session.
     */
    private static Publisher<HttpRequest.Builder> withoutEventStream(
            HttpRequest.Builder request, String method, URI uri, String body, McpTransportContext context) {
        return method.equals("GET") ? Mono.empty() : Mono.just(request);
    }

    private ProbeReport failure(Exception e) {
        Optional<McpHttpClientTransportAuthorizationException> authorization =
                cause(e, McpHttpClientTransportAuthorizationException.class);
        if (authorization.isPresent()) {
            return new AuthorizationPosture(settings, egress, url, started)
                    .report(authorization.get().getResponseInfo());
        }
        Optional<RefusedAddressException> refused = cause(e, RefusedAddressException.class);
        if (refused.isPresent()) {
            return failed(ProbeOutcome.BLOCKED_ADDRESS, refused.get().getMessage());
        }
        if (tooLarge(e)) {
            return failed(ProbeOutcome.TOO_LARGE, "an answer was larger than " + settings.maxAnswerBytes() + " bytes");
        }
        Optional<IOException> connectFailure = egress.connectFailure();
        if (connectFailure.isPresent()) {
            return failed(ProbeOutcome.UNREACHABLE, "could not connect: " + connectFailure.get());
        }
        if (cause(e, UnknownHostException.class).isPresent()) {
            return failed(ProbeOutcome.UNREACHABLE, url.getHost() + " did not resolve");
        }
        if (cause(e, ConnectException.class).isPresent()
                || cause(e, SSLException.class).isPresent()) {
            return failed(ProbeOutcome.UNREACHABLE, describe(e));
        }
        if (cause(e, java.util.concurrent.TimeoutException.class).isPresent()
                || cause(e, HttpTimeoutException.class).isPresent()) {
            return failed(ProbeOutcome.TIMEOUT, describe(e));
        }
        return failed(ProbeOutcome.PROTOCOL_ERROR, describe(e));
    }

    private ProbeReport failed(ProbeOutcome outcome, String detail) {
        return ProbeReport.failed(outcome, latency(), bounded(detail));
    }

    private Duration latency() {
        return McpRemoteProbe.since(started);
    }

    private static Tool tool(McpSchema.Tool tool) {
        // The domain refuses a name with a control character: U+0000 is made storable here already, the rest of
        // the report where every report is (McpRemoteProbe).
        return new Tool(
                StorableText.of(tool.name()),
                Optional.ofNullable(tool.title()),
                Optional.ofNullable(tool.description()),
                CanonicalJson.of(Optional.<Object>ofNullable(tool.inputSchema()).orElse(java.util.Map.of())),
                Optional.ofNullable(tool.outputSchema()).map(CanonicalJson::of),
                Optional.ofNullable(tool.annotations()).map(CanonicalJson::of));
    }

    private static Optional<String> unusable(URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return Optional.of(url + " is not an http(s) URL");
        }
        if (url.getHost() == null) {
            return Optional.of(url + " has no host");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("the URL carries credentials; a check sends none");
        }
        return Optional.empty();
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the SDK stopped reading an answer at {@code maxResponseSize}. Its {@code MaxSizeExceededException} is
     * not public and reaches the client wrapped in a {@code McpTransportException} that only says so in words: both
     * are matched here, in this one place.
     */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().equals("MaxSizeExceededException")
                    || t instanceof McpTransportException
                            && String.valueOf(t.getMessage()).contains("exceeds the maximum allowed size")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e;
                t != null && text.length() < MAX_DETAIL_LENGTH;
                t = t.getCause() == t ? null : t.getCause()) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    static String bounded(String detail) {
        return detail.length() <= MAX_DETAIL_LENGTH ? detail : detail.substring(0, MAX_DETAIL_LENGTH) + "…";
    }
}
