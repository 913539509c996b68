package com.mcpregistry.domain.policy;

import com.mcpregistry.domain.WireNames;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.serverjson.UrlPattern;
import com.mcpregistry.domain.serverjson.UrlTemplate;

/**
 * A client's allow and deny lists of MCP servers, which the registry's approved state is exported as: GitHub
 * Copilot's {@code managed-settings.json}, Claude Code's managed settings and VS Code's {@code chat.mcp} policies.
 * All three match a server by name, by URL pattern or by exact command line; they differ in how they compare URLs
 * and in what a name entry lets through.
 */
public enum PolicyFormat {
    /**
     * GitHub Copilot's {@code managed-settings.json}, which VS Code, Copilot CLI, JetBrains IDEs and the Copilot app
     * read. Its lists feed VS Code's, so it follows VS Code's rules.
     */
    COPILOT("copilot"),
    /**
     * Claude Code's managed settings. A name entry of an allowlist counts only when the list has no URL entries (for a
     * remote server) or no command entries (for a local one): so none is written there, lest a list of remotes alone
     * let any local server through by its name (code.claude.com/docs/en/managed-mcp, "How a server is evaluated").
     */
    CLAUDE_CODE("claude-code"),
    /** VS Code's {@code chat.mcp.allowedServers} and {@code chat.mcp.deniedServers}, as enterprise policies. */
    VSCODE("vscode");

    private final String wireName;

    PolicyFormat(String wireName) {
        this.wireName = wireName;
    }

    /** The name the export is asked for by ({@code GET /policy/{format}}, {@code --format}). */
    public String wireName() {
        return wireName;
    }

    public static PolicyFormat parse(String field, String raw) {
        return WireNames.parse(field, raw, values(), PolicyFormat::wireName);
    }

    /** {@code url} as this client's {@code serverUrl} entries must write it to match what a user configures. */
    UrlPattern urlPattern(UrlTemplate url) {
        return this == CLAUDE_CODE ? UrlPattern.asWritten(url) : UrlPattern.asFetched(url);
    }

    /**
     * Whether an approved server is allowed by its name too. VS Code checks a server from a registry before it
     * installs it by its name and its first remote only, since a package's command line is known only once it is
     * installed (allowedMcpServersService.ts, {@code toIdentity}): a server of packages alone needs its name in the
     * allowlist to be installed at all. A name is what its user calls a server, not what it runs, so it is written
     * only there.
     */
    boolean allowsByName(ServerDefinition definition) {
        return this != CLAUDE_CODE && definition.remotes().isEmpty();
    }
}
