package com.mcpregistry.http.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Claude Code's rules, as code.claude.com/docs/en/managed-mcp documents them ("Match servers by URL, command, or
 * name" and "How a server is evaluated"): a denylist match, by URL, command or name, blocks; an unset allowlist allows
 * everything else, an empty one nothing; a remote server must match a {@code serverUrl} entry, and a {@code
 * serverName} match counts only when the allowlist has no {@code serverUrl} entry; a local (stdio) server must match a
 * {@code serverCommand} entry, and a name counts only when the allowlist has no {@code serverCommand} entry. Commands
 * match exactly, every argument in order; URL patterns take {@code *} anywhere, the scheme included; host names
 * compare without regard to case and to a trailing dot, paths with it; a pattern with no path matches any path.
 */
public final class ClaudeCodeRules implements ClientRules {
    private final Optional<List<Entry>> allowed;
    private final Optional<List<Entry>> denied;

    private ClaudeCodeRules(Optional<List<Entry>> allowed, Optional<List<Entry>> denied) {
        this.allowed = allowed;
        this.denied = denied;
    }

    public static ClaudeCodeRules of(JsonNode managedSettings) {
        return new ClaudeCodeRules(
                ClientRules.entries(managedSettings.get("allowedMcpServers")),
                ClientRules.entries(managedSettings.get("deniedMcpServers")));
    }

    @Override
    public Verdict check(ConfiguredServer server) {
        if (denied.isPresent()
                && denied.get().stream().anyMatch(e -> byName(e, server) || byUrl(e, server) || byCommand(e, server))) {
            return Verdict.DENIED;
        }
        if (allowed.isEmpty()) {
            return Verdict.ALLOWED;
        }
        List<Entry> list = allowed.get();
        boolean allowedHere;
        if (server.isRemote()) {
            boolean urls = list.stream().anyMatch(e -> e.serverUrl().isPresent());
            allowedHere = list.stream().anyMatch(e -> byUrl(e, server) || (!urls && byName(e, server)));
        } else {
            boolean commands = list.stream().anyMatch(e -> e.serverCommand().isPresent());
            allowedHere = list.stream().anyMatch(e -> byCommand(e, server) || (!commands && byName(e, server)));
        }
        return allowedHere ? Verdict.ALLOWED : Verdict.NOT_ALLOWED;
    }

    private static boolean byName(Entry entry, ConfiguredServer server) {
        return entry.serverName().filter(server.name()::equals).isPresent();
    }

    private static boolean byCommand(Entry entry, ConfiguredServer server) {
        return entry.serverCommand().isPresent()
                && server.command().filter(entry.serverCommand().get()::equals).isPresent();
    }

    private static boolean byUrl(Entry entry, ConfiguredServer server) {
        return entry.serverUrl().isPresent()
                && server.url()
                        .filter(url -> urlMatches(entry.serverUrl().get(), url))
                        .isPresent();
    }

    /** The pattern against the URL: scheme and host part without regard to case (a trailing dot ignored), path with. */
    static boolean urlMatches(String pattern, String url) {
        String[] p = split(pattern);
        String[] u = split(url);
        if (!regex(p[0], true).matcher(u[0]).matches()
                || !regex(p[1], true).matcher(u[1]).matches()) {
            return false;
        }
        return p[2].isEmpty() || regex(p[2], false).matcher(u[2]).matches();
    }

    /** Scheme, host (and port, trailing dot dropped), and the rest (path and query). */
    private static String[] split(String url) {
        int separator = url.indexOf("://");
        String rest = url.substring(separator + 3);
        int pathStart = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            if ("/?#".indexOf(rest.charAt(i)) >= 0) {
                pathStart = i;
                break;
            }
        }
        String host = rest.substring(0, pathStart);
        int colon = host.lastIndexOf(':');
        String name = colon >= 0 ? host.substring(0, colon) : host;
        String port = colon >= 0 ? host.substring(colon) : "";
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return new String[] {url.substring(0, separator), name + port, rest.substring(pathStart)};
    }

    private static Pattern regex(String pattern, boolean ignoreCase) {
        String[] literals = pattern.split("\\*", -1);
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < literals.length; i++) {
            source.append(i > 0 ? ".*" : "").append(Pattern.quote(literals[i]));
        }
        return Pattern.compile(source.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }
}
