package com.mcpregistry.http.serverjson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.domain.serverjson.InstallCommand;
import com.mcpregistry.domain.serverjson.RemoteConfiguration;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.ServerDocument;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to configure each remote of a version in the clients users have, so that they enter the URL the registry
 * knows: a registry-only policy matches a configured remote by the exact string of a {@code remotes[].url} of the
 * server's latest version. For each remote: VS Code's {@code mcp.json} entry as VS Code writes it when it installs
 * the server from a registry ({@link RemoteConfiguration}); the entry of GitHub Copilot CLI's {@code
 * ~/.copilot/mcp-config.json} ({@code mcpServers}, {@code type} {@code http} or {@code sse}, {@code tools}); and the
 * {@code claude mcp add} command of Claude Code. The last two ask their user for nothing: where VS Code would prompt,
 * they hold a {@code <placeholder>} to replace.
 */
public record InstallSnippetsJson(
        String remote, String transport, ObjectNode vscode, ObjectNode copilotCli, String claudeCode) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern INPUT_REFERENCE = Pattern.compile("\\$\\{input:([^}]*)}");

    /** One entry per remote of {@code document}, in its order. */
    public static List<InstallSnippetsJson> of(ServerDocument document) {
        String name = document.name().value();
        return document.definition().remotes().stream()
                .map(remote -> of(name, RemoteConfiguration.of(remote)))
                .toList();
    }

    private static InstallSnippetsJson of(String serverName, RemoteConfiguration remote) {
        return new InstallSnippetsJson(
                remote.url(),
                remote.transport().wireName(),
                vscode(serverName, remote),
                copilotCli(serverName, remote),
                claudeCode(serverName, remote));
    }

    private static ObjectNode vscode(String serverName, RemoteConfiguration remote) {
        ObjectNode entry = NODES.objectNode().put("type", "http").put("url", remote.url());
        if (!remote.headers().isEmpty()) {
            ObjectNode headers = entry.putObject("headers");
            remote.headers().forEach(headers::put);
        }
        ObjectNode file = NODES.objectNode();
        file.putObject("servers").set(serverName, entry);
        if (!remote.prompts().isEmpty()) {
            ArrayNode inputs = file.putArray("inputs");
            for (InstallCommand.Prompt prompt : remote.prompts()) {
                ObjectNode input = inputs.addObject()
                        .put("id", prompt.id())
                        .put("type", prompt.pick() ? "pickString" : "promptString")
                        .put("description", prompt.description())
                        .put("password", prompt.password());
                prompt.defaultValue().ifPresent(value -> input.put("default", value));
                if (!prompt.choices().isEmpty()) {
                    prompt.choices().forEach(input.putArray("options")::add);
                }
            }
        }
        return file;
    }

    private static ObjectNode copilotCli(String serverName, RemoteConfiguration remote) {
        ObjectNode entry = NODES.objectNode()
                .put("type", remote.transport() == RemoteTransport.SSE ? "sse" : "http")
                .put("url", remote.url());
        if (!remote.headers().isEmpty()) {
            ObjectNode headers = entry.putObject("headers");
            remote.headers().forEach((header, value) -> headers.put(header, placeholders(value)));
        }
        entry.putArray("tools").add("*");
        ObjectNode file = NODES.objectNode();
        file.putObject("mcpServers").set(serverName, entry);
        return file;
    }

    private static String claudeCode(String serverName, RemoteConfiguration remote) {
        StringBuilder command = new StringBuilder("claude mcp add --transport ")
                .append(remote.transport() == RemoteTransport.SSE ? "sse" : "http")
                .append(' ')
                .append(quoted(serverName.substring(serverName.indexOf('/') + 1)))
                .append(' ')
                .append(quoted(remote.url()));
        for (Map.Entry<String, String> header : remote.headers().entrySet()) {
            command.append(" --header ").append(quoted(header.getKey() + ": " + placeholders(header.getValue())));
        }
        return command.toString();
    }

    /** {@code ${input:token}} as {@code <token>}: for clients that prompt for nothing. */
    private static String placeholders(String value) {
        return INPUT_REFERENCE.matcher(value).replaceAll(match -> Matcher.quoteReplacement("<" + match.group(1) + ">"));
    }

    /** One shell word: single-quoted, a single quote written {@code '\''}. */
    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
