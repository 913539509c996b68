package com.mcpregistry.domain.checks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The tools a server listed, in name order, and their fingerprint: a SHA-256 over a canonical text of every tool
 * (each field length-prefixed, absent fields marked, in a fixed order), so that the same tools give the same hash
 * whatever order the server listed them in, and any change of a name, title, description, schema or annotation
 * changes it.
 */
public record ToolSet(List<Tool> tools) {

    public static final ToolSet NONE = new ToolSet(List.of());

    public ToolSet {
        tools = tools.stream().sorted(Comparator.comparing(Tool::name)).toList();
    }

    /** The hex SHA-256 of the canonical text of the tools. */
    public String sha256() {
        StringBuilder canonical = new StringBuilder();
        for (Tool tool : tools) {
            field(canonical, Optional.of(tool.name()));
            field(canonical, tool.title());
            field(canonical, tool.description());
            field(canonical, Optional.of(tool.inputSchema()));
            field(canonical, tool.outputSchema());
            field(canonical, tool.annotations());
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The tool named {@code name}, if listed. */
    public Optional<Tool> named(String name) {
        return tools.stream().filter(tool -> tool.name().equals(name)).findFirst();
    }

    private static void field(StringBuilder canonical, Optional<String> value) {
        canonical.append(value.map(v -> v.length() + ":" + v).orElse("-")).append('\n');
    }
}
