package com.mcpregistry.http.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * VS Code's rules, from microsoft/vscode {@code src/vs/platform/mcp/common/allowedMcpServers.ts} (read at commit
 * 1ba778b): an entry counts when it has exactly one of its three keys (lines 54-71); a deny match wins, an unset
 * allowlist restricts nothing, a set one must match (lines 85-93); a name matches exactly, a command line element by
 * element, a URL pattern as a regular expression, without regard to case, in which {@code *} is {@code [^/@\\?#]*}
 * in the authority and {@code .*} after it, every other character literal (lines 95-106, 140-155), against the URL's
 * network destination, {@code origin + pathname + search} of the WHATWG URL parser (lines 112-138). The policy
 * values come from {@code ChatAllowedMcpServers} and {@code ChatDeniedMcpServers}, or from Copilot's
 * {@code managed-settings.json}, which VS Code reads into the same settings.
 */
public final class VsCodeRules implements ClientRules {
    private final Optional<List<Entry>> allowed;
    private final Optional<List<Entry>> denied;

    private VsCodeRules(Optional<List<Entry>> allowed, Optional<List<Entry>> denied) {
        this.allowed = allowed;
        this.denied = denied;
    }

    /** The rules of VS Code's policy file ({@code vscode}). */
    public static VsCodeRules ofPolicyFile(JsonNode file) {
        return new VsCodeRules(
                ClientRules.entries(ClientRules.policyValue(file, "ChatAllowedMcpServers")),
                ClientRules.entries(ClientRules.policyValue(file, "ChatDeniedMcpServers")));
    }

    /** The rules of Copilot's {@code managed-settings.json}, as VS Code applies it. */
    public static VsCodeRules ofManagedSettings(JsonNode file) {
        return new VsCodeRules(
                ClientRules.entries(file.get("allowedMcpServers")), ClientRules.entries(file.get("deniedMcpServers")));
    }

    @Override
    public Verdict check(ConfiguredServer server) {
        if (matchesAny(denied, server)) {
            return Verdict.DENIED;
        }
        if (allowed.isPresent() && !matchesAny(allowed, server)) {
            return Verdict.NOT_ALLOWED;
        }
        return Verdict.ALLOWED;
    }

    private static boolean matchesAny(Optional<List<Entry>> entries, ConfiguredServer server) {
        return entries.isPresent() && entries.get().stream().anyMatch(entry -> matches(entry, server));
    }

    private static boolean matches(Entry entry, ConfiguredServer server) {
        if (entry.serverName().isPresent()) {
            return entry.serverName().get().equals(server.name());
        }
        if (entry.serverUrl().isPresent()) {
            return server.url()
                    .flatMap(VsCodeRules::destination)
                    .filter(destination ->
                            regex(entry.serverUrl().get()).matcher(destination).matches())
                    .isPresent();
        }
        return server.command()
                .filter(entry.serverCommand().orElseThrow()::equals)
                .isPresent();
    }

    /** {@code origin + pathname + search}: scheme and host in lower case, no default port, path at least {@code /}. */
    static Optional<String> destination(String url) {
        try {
            URI uri = new URI(url).normalize();
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery() == null || uri.getRawQuery().isEmpty() ? "" : "?" + uri.getRawQuery();
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
                    + path + query);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static Pattern regex(String pattern) {
        int separator = pattern.indexOf("://");
        int authorityStart = separator >= 0 ? separator + 3 : 0;
        int authorityEnd = pattern.length();
        for (int i = authorityStart; i < pattern.length(); i++) {
            if ("/\\?#".indexOf(pattern.charAt(i)) >= 0) {
                authorityEnd = i;
                break;
            }
        }
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                source.append(i < authorityEnd ? "[^/@\\\\?#]*" : ".*");
            } else {
                source.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(source.toString(), Pattern.CASE_INSENSITIVE);
    }
}
