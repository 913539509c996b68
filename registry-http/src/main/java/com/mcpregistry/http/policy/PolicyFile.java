package com.mcpregistry.http.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.domain.policy.ClientPolicy;
import com.mcpregistry.domain.policy.ServerMatcher;
import com.mcpregistry.http.shared.Json;
import com.mcpregistry.policy.PolicyExport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * An exported policy as the file its client reads, byte for byte the same for the same registry state: keys in a
 * fixed order, entries sorted, two-space indentation, {@code \n} line ends.
 *
 * <ul>
 *   <li>{@code copilot}: {@code managed-settings.json} with {@code allowedMcpServers} and {@code deniedMcpServers}
 *       (docs.github.com/en/copilot/reference/enterprise-administrators/enterprise-managed-settings).
 *   <li>{@code claude-code}: {@code managed-settings.json} with the same two lists and {@code
 *       allowManagedMcpServersOnly: true}, so that users cannot widen the allowlist in their own settings
 *       (code.claude.com/docs/en/managed-mcp, "Policy-based control with allowlists and denylists").
 *   <li>{@code vscode}: VS Code's policy file ({@code /etc/vscode/policy.json} on Linux) with the policies {@code
 *       ChatAllowedMcpServers} and {@code ChatDeniedMcpServers} of the settings {@code chat.mcp.allowedServers} and
 *       {@code chat.mcp.deniedServers}; VS Code carries an array setting's policy as a string of JSON, which is also
 *       what a Windows registry value or a macOS profile key holds.
 * </ul>
 *
 * Each file opens with {@value #STATE}, which names the registry state it was rendered from (the newest audit event
 * and its time). The clients ignore a key they do not know.
 */
public final class PolicyFile {

    /** The key of the object that says which registry state a file was rendered from. */
    public static final String STATE = "mcpRegistryPolicy";

    private static final ObjectWriter PRETTY = Json.MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private final String name;
    private final byte[] bytes;

    private PolicyFile(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
    }

    /** {@code export} as its client's file. */
    public static PolicyFile of(PolicyExport export) {
        ClientPolicy policy = export.policy();
        ObjectNode file = Json.MAPPER.createObjectNode();
        ObjectNode state = file.putObject(STATE);
        state.put("format", policy.format().wireName());
        export.state().ifPresent(at -> {
            state.put("latestAuditEventId", at.auditEventId().toString());
            state.put("latestAuditEventAt", at.at().toString());
        });
        String name;
        switch (policy.format()) {
            case COPILOT -> {
                file.set("allowedMcpServers", entries(policy.allowed()));
                file.set("deniedMcpServers", entries(policy.denied()));
                name = "managed-settings.json";
            }
            case CLAUDE_CODE -> {
                file.put("allowManagedMcpServersOnly", true);
                file.set("allowedMcpServers", entries(policy.allowed()));
                file.set("deniedMcpServers", entries(policy.denied()));
                name = "managed-settings.json";
            }
            case VSCODE -> {
                file.put("ChatAllowedMcpServers", Json.write(entries(policy.allowed())));
                file.put("ChatDeniedMcpServers", Json.write(entries(policy.denied())));
                name = "policy.json";
            }
            default -> throw new IllegalStateException("no file for " + policy.format());
        }
        try {
            return new PolicyFile(name, (PRETTY.writeValueAsString(file) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the policy file", e);
        }
    }

    private static ArrayNode entries(List<ServerMatcher> matchers) {
        ArrayNode entries = Json.MAPPER.createArrayNode();
        for (ServerMatcher matcher : matchers) {
            ObjectNode entry = entries.addObject();
            if (matcher instanceof ServerMatcher.Name serverName) {
                entry.put(matcher.key(), serverName.value());
            } else if (matcher instanceof ServerMatcher.Url url) {
                entry.put(matcher.key(), url.pattern().value());
            } else if (matcher instanceof ServerMatcher.Command command) {
                ArrayNode line = entry.putArray(matcher.key());
                command.line().forEach(line::add);
            }
        }
        return entries;
    }

    /** The file name its client looks for: {@code managed-settings.json} or {@code policy.json}. */
    public String name() {
        return name;
    }

    /** The file's content, UTF-8. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * A weak entity tag of the content: its SHA-256, which anyone can compare with the digest of a deployed file
     * ({@code sha256sum}). Weak, since the answer may be sent compressed.
     */
    public String etag() {
        try {
            return "W/\""
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
