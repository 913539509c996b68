package com.mcpregistry.http.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.IDN;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GitHub Copilot's rules for {@code managed-settings.json}, as GitHub documents them: "Evaluation rules" of
 * docs.github.com/en/copilot/how-tos/administer-copilot/manage-mcp-usage/configure-enterprise-allowlist (a deny match
 * blocks; a present {@code allowedMcpServers} blocks what matches none of it; a URL or command with an unresolved
 * variable such as {@code ${VARIABLE}} or {@code $VARIABLE} is blocked) and "allowedMcpServers" and "URL
 * canonicalization" of docs.github.com/en/copilot/reference/enterprise-administrators/enterprise-managed-settings
 * ({@code serverName} exact, no wildcards; {@code serverUrl} for remote servers only, {@code *} wildcards for
 * subdomains and path prefixes; {@code serverCommand} for local servers only, the exact command and each argument, no
 * wildcards; before comparing, both sides get scheme and host in lower case, international host names in Punycode, no
 * default port, percent-encoded host octets decoded, no fragment, no trailing dot on the host, and a wildcard in the
 * authority does not cross into the path).
 */
public final class CopilotRules implements ClientRules {
    private static final Pattern UNRESOLVED = Pattern.compile("\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*");

    private final Optional<List<Entry>> allowed;
    private final Optional<List<Entry>> denied;

    private CopilotRules(Optional<List<Entry>> allowed, Optional<List<Entry>> denied) {
        this.allowed = allowed;
        this.denied = denied;
    }

    public static CopilotRules of(JsonNode managedSettings) {
        return new CopilotRules(
                ClientRules.entries(managedSettings.get("allowedMcpServers")),
                ClientRules.entries(managedSettings.get("deniedMcpServers")));
    }

    @Override
    public Verdict check(ConfiguredServer server) {
        if (matchesAny(denied, server)) {
            return Verdict.DENIED;
        }
        if (allowed.isPresent() && !matchesAny(allowed, server)) {
            return Verdict.NOT_ALLOWED;
        }
        boolean unresolved =
                server.url().filter(url -> UNRESOLVED.matcher(url).find()).isPresent()
                        || server.command()
                                .filter(line -> line.stream()
                                        .anyMatch(arg -> UNRESOLVED.matcher(arg).find()))
                                .isPresent();
        return unresolved ? Verdict.NOT_ALLOWED : Verdict.ALLOWED;
    }

    private static boolean matchesAny(Optional<List<Entry>> entries, ConfiguredServer server) {
        return entries.isPresent() && entries.get().stream().anyMatch(entry -> matches(entry, server));
    }

    private static boolean matches(Entry entry, ConfiguredServer server) {
        if (entry.serverName().isPresent()) {
            return entry.serverName().get().equals(server.name());
        }
        if (entry.serverUrl().isPresent()) {
            return server.isRemote()
                    && regex(canonical(entry.serverUrl().get()))
                            .matcher(canonical(server.url().orElseThrow()))
                            .matches();
        }
        return !server.isRemote()
                && server.command()
                        .filter(entry.serverCommand().orElseThrow()::equals)
                        .isPresent();
    }

    /** A URL or pattern in the documented canonical form; its path and query are left as written. */
    static String canonical(String url) {
        int separator = url.indexOf("://");
        String scheme = url.substring(0, separator).toLowerCase(Locale.ROOT);
        String rest = url.substring(separator + 3);
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int authorityEnd = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            if ("/?".indexOf(rest.charAt(i)) >= 0) {
                authorityEnd = i;
                break;
            }
        }
        String authority = rest.substring(0, authorityEnd);
        String host = authority;
        String port = "";
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            host = authority.substring(0, colon);
            port = authority.substring(colon);
        }
        host = URLDecoder.decode(host, StandardCharsets.UTF_8);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (!host.contains("*")) {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        }
        host = host.toLowerCase(Locale.ROOT);
        if ((scheme.equals("https") && port.equals(":443")) || (scheme.equals("http") && port.equals(":80"))) {
            port = "";
        }
        return scheme + "://" + host + port + rest.substring(authorityEnd);
    }

    private static Pattern regex(String pattern) {
        int authorityEnd = pattern.length();
        for (int i = pattern.indexOf("://") + 3; i < pattern.length(); i++) {
            if ("/?".indexOf(pattern.charAt(i)) >= 0) {
                authorityEnd = i;
                break;
            }
        }
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                source.append(i < authorityEnd ? "[^/]*" : ".*");
            } else {
                source.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(source.toString());
    }
}
