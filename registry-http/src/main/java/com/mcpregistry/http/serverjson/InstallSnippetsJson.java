package com.mcpregistry.http.serverjson;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.domain.serverjson.InstallCommand;
import com.mcpregistry.domain.serverjson.Package;
import com.mcpregistry.domain.serverjson.RemoteConfiguration;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.ServerDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to configure each remote and each package of a version in the clients users have, so that they enter the URL
 * the registry knows: a registry-only policy matches a configured remote by the exact string of a {@code remotes[].url} of the
 * server's latest version. For each remote: VS Code's {@code mcp.json} entry as VS Code writes it when it installs
 * the server from a registry ({@link RemoteConfiguration}); the entry of GitHub Copilot CLI's {@code
 * ~/.copilot/mcp-config.json} ({@code mcpServers}, {@code type} {@code http} or {@code sse}, {@code tools}); and the
 * {@code claude mcp add} command of Claude Code. A package is its command line as the client writes it
 * ({@link InstallCommand}: {@code type} {@code stdio} in VS Code, {@code local} in Copilot CLI, {@code claude mcp add
 * name -e … -- command args…}). The last two clients ask their user for nothing: where VS Code would prompt, they
 * hold a {@code <placeholder>} to replace.
 */
public record InstallSnippetsJson(
        Optional<String> remote,
        @JsonProperty("package") Optional<String> pkg,
        String transport,
        ObjectNode vscode,
        ObjectNode copilotCli,
        String claudeCode) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern INPUT_REFERENCE = Pattern.compile("\\$\\{input:([^}]*)}");

    /**
     * One entry per remote of {@code document}, in its order, then one per package a client starts by a command
     * line ({@link InstallCommand}: not an MCPB bundle).
     */
    public static List<InstallSnippetsJson> of(ServerDocument document) {
        String name = document.name().value();
        List<InstallSnippetsJson> snippets = new ArrayList<>();
        document.definition().remotes().forEach(remote -> snippets.add(of(name, RemoteConfiguration.of(remote))));
        for (Package pkg : document.definition().packages()) {
            InstallCommand.of(pkg).ifPresent(command -> snippets.add(of(name, pkg, command)));
        }
        return List.copyOf(snippets);
    }

    private static InstallSnippetsJson of(String serverName, Package pkg, InstallCommand command) {
        ObjectNode vscodeEntry = NODES.objectNode().put("type", "stdio").put("command", command.command());
        command.args().forEach(vscodeEntry.putArray("args")::add);
        ObjectNode copilotEntry = NODES.objectNode().put("type", "local").put("command", command.command());
        command.args().forEach(arg -> copilotEntry.withArray("args").add(placeholders(arg)));
        if (!command.env().isEmpty()) {
            ObjectNode env = vscodeEntry.putObject("env");
            command.env().forEach(env::put);
            ObjectNode copilotEnv = copilotEntry.putObject("env");
            command.env().forEach((name, value) -> copilotEnv.put(name, placeholders(value)));
        }
        copilotEntry.putArray("tools").add("*");
        StringBuilder claude = new StringBuilder("claude mcp add ").append(quoted(shortName(serverName)));
        command.env().forEach((name, value) -> claude.append(" -e ").append(quoted(name + "=" + placeholders(value))));
        claude.append(" --");
        command.commandLine().forEach(word -> claude.append(' ').append(quoted(placeholders(word))));
        return new InstallSnippetsJson(
                Optional.empty(),
                Optional.of(pkg.registryType().wireName() + " " + pkg.identifier()),
                "stdio",
                vscodeFile(serverName, vscodeEntry, command.prompts()),
                copilotFile(serverName, copilotEntry),
                claude.toString());
    }

    private static InstallSnippetsJson of(String serverName, RemoteConfiguration remote) {
        return new InstallSnippetsJson(
                Optional.of(remote.url()),
                Optional.empty(),
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
        return vscodeFile(serverName, entry, remote.prompts());
    }

    /** {@code mcp.json} with the one server {@code entry}, and the inputs it asks for. */
    private static ObjectNode vscodeFile(String serverName, ObjectNode entry, List<InstallCommand.Prompt> prompts) {
        ObjectNode file = NODES.objectNode();
        file.putObject("servers").set(serverName, entry);
        if (!prompts.isEmpty()) {
            ArrayNode inputs = file.putArray("inputs");
            for (InstallCommand.Prompt prompt : prompts) {
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
        return copilotFile(serverName, entry);
    }

    /** {@code ~/.copilot/mcp-config.json} with the one server {@code entry}. */
    private static ObjectNode copilotFile(String serverName, ObjectNode entry) {
        ObjectNode file = NODES.objectNode();
        file.putObject("mcpServers").set(serverName, entry);
        return file;
    }

    private static String claudeCode(String serverName, RemoteConfiguration remote) {
        StringBuilder command = new StringBuilder("claude mcp add --transport ")
                .append(remote.transport() == RemoteTransport.SSE ? "sse" : "http")
                .append(' ')
                .append(quoted(shortName(serverName)))
                .append(' ')
                .append(quoted(remote.url()));
        for (Map.Entry<String, String> header : remote.headers().entrySet()) {
            command.append(" --header ").append(quoted(header.getKey() + ": " + placeholders(header.getValue())));
        }
        return command.toString();
    }

    /** The name after the namespace: what a Claude Code user calls the server. */
    private static String shortName(String serverName) {
        return serverName.substring(serverName.indexOf('/') + 1);
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
