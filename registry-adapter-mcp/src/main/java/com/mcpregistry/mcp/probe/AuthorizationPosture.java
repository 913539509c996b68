package com.mcpregistry.mcp.probe;

import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.mcp.egress.CheckEgress;
import com.mcpregistry.mcp.egress.PinnedTunnel;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a server that answered 401 asks for: with {@code WWW-Authenticate}, it requires OAuth — the check reads its
 * RFC 9728 protected-resource metadata (at the URL the header's {@code resource_metadata} names, or else at the
 * well-known URLs for the endpoint's path and for its origin), through the same guard and caps, and reports the
 * authorization servers it lists.
 */
final class AuthorizationPosture {

    private static final Pattern RESOURCE_METADATA = Pattern.compile("resource_metadata\\s*=\\s*\"([^\"]*)\"");
    private static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";
    private static final int MAX_AUTHORIZATION_SERVERS = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProbeSettings settings;
    private final CheckEgress egress;
    private final URI url;
    private final long started;

    AuthorizationPosture(ProbeSettings settings, CheckEgress egress, URI url, long started) {
        this.settings = settings;
        this.egress = egress;
        this.url = url;
        this.started = started;
    }

    ProbeReport report(HttpResponse.ResponseInfo answer) {
        Optional<String> challenge = answer.headers().firstValue("WWW-Authenticate");
        if (answer.statusCode() != 401 || challenge.isEmpty()) {
            return ProbeReport.failed(
                    ProbeOutcome.PROTOCOL_ERROR,
                    McpRemoteProbe.since(started),
                    "HTTP " + answer.statusCode() + " without an OAuth challenge (WWW-Authenticate)");
        }
        List<String> problems = new ArrayList<>();
        for (URI metadata : metadataUrls(challenge.get())) {
            try {
                List<String> servers = authorizationServers(metadata);
                return requiresAuth(servers, "protected-resource metadata at " + metadata);
            } catch (IOException | JacksonException | IllegalArgumentException e) {
                problems.add(metadata + ": " + e.getMessage());
            }
        }
        return requiresAuth(List.of(), "no protected-resource metadata: " + String.join("; ", problems));
    }

    private ProbeReport requiresAuth(List<String> authorizationServers, String detail) {
        return new ProbeReport(
                ProbeOutcome.REQUIRES_AUTH,
                McpRemoteProbe.since(started),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ToolSet.NONE,
                0,
                0,
                authorizationServers,
                Optional.of(ProbeSession.bounded(detail)));
    }

    private List<URI> metadataUrls(String challenge) {
        Matcher named = RESOURCE_METADATA.matcher(challenge);
        if (named.find()) {
            return List.of(url.resolve(named.group(1)));
        }
        Set<URI> urls = new LinkedHashSet<>();
        String path = Optional.ofNullable(url.getRawPath()).orElse("");
        String origin = url.getScheme() + "://" + url.getRawAuthority();
        if (!path.isEmpty() && !path.equals("/")) {
            urls.add(URI.create(origin + WELL_KNOWN + path));
        }
        urls.add(URI.create(origin + WELL_KNOWN));
        return List.copyOf(urls);
    }

    private List<String> authorizationServers(URI metadata) throws IOException {
        String scheme = metadata.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("not an http(s) URL");
        }
        PinnedTunnel tunnel = egress.tunnelTo(metadata);
        Duration left = settings.checkTimeout().minus(McpRemoteProbe.since(started));
        if (left.isNegative() || left.isZero()) {
            throw new IOException("no time left in the check");
        }
        HttpClient http = HttpClient.newBuilder()
                .proxy(tunnel.proxySelector())
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(ProbeThreads.HTTP)
                .build();
        HttpRequest request = HttpRequest.newBuilder(metadata)
                .header("User-Agent", settings.userAgent())
                .header("Accept", "application/json")
                .timeout(left)
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(settings.maxAnswerBytes() + 1);
                if (bytes.length > settings.maxAnswerBytes()) {
                    throw new IOException("larger than " + settings.maxAnswerBytes() + " bytes");
                }
                return serversIn(JSON.readTree(bytes));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static List<String> serversIn(JsonNode metadata) {
        JsonNode servers = metadata.path("authorization_servers");
        if (!servers.isArray()) {
            throw new IllegalArgumentException("no authorization_servers list");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode server : servers) {
            if (server.isString() && names.size() < MAX_AUTHORIZATION_SERVERS) {
                names.add(server.asString());
            }
        }
        return List.copyOf(names);
    }
}
