package com.mcpregistry.http.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.domain.policy.PolicyFormat;
import com.mcpregistry.http.testing.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one client decides whether a configured server may run, given the allow and deny lists of a policy file,
 * written from that client's own rules (its source or its documentation, cited by each implementation) and not from
 * the registry's code, so that an exported file is checked against what the client does with it.
 */
public interface ClientRules {

    Verdict check(ConfiguredServer server);

    /** One entry of a list, with exactly one of its three keys (an entry with another shape is left out). */
    record Entry(Optional<String> serverName, Optional<String> serverUrl, Optional<List<String>> serverCommand) {}

    /** The entries of a JSON array of matchers; none (the list is not set) when {@code list} is missing or null. */
    static Optional<List<Entry>> entries(JsonNode list) {
        if (list == null || list.isMissingNode() || list.isNull()) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode node : list) {
            Optional<String> name = text(node, "serverName");
            Optional<String> url = text(node, "serverUrl");
            Optional<List<String>> command = Optional.ofNullable(node.get("serverCommand"))
                    .filter(JsonNode::isArray)
                    .filter(array -> !array.isEmpty())
                    .map(array -> {
                        List<String> line = new ArrayList<>();
                        array.forEach(arg -> line.add(arg.asText()));
                        return line;
                    });
            int kinds = (name.isPresent() ? 1 : 0) + (url.isPresent() ? 1 : 0) + (command.isPresent() ? 1 : 0);
            if (kinds == 1 && node.size() == 1) {
                entries.add(new Entry(name, url, command));
            }
        }
        return Optional.of(entries);
    }

    private static Optional<String> text(JsonNode node, String key) {
        return Optional.ofNullable(node.get(key))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .filter(t -> !t.isEmpty());
    }

    /** The rules of each client that reads a file of {@code format}, by the client's name. */
    static Map<String, ClientRules> readersOf(PolicyFormat format, JsonNode file) {
        return switch (format) {
            case COPILOT ->
                Map.of(
                        "GitHub Copilot",
                        CopilotRules.of(file),
                        "VS Code (reading Copilot's managed settings)",
                        VsCodeRules.ofManagedSettings(file));
            case CLAUDE_CODE -> Map.of("Claude Code", ClaudeCodeRules.of(file));
            case VSCODE -> Map.of("VS Code", VsCodeRules.ofPolicyFile(file));
        };
    }

    /** The lists of a VS Code policy file, whose policies hold them as strings of JSON. */
    static JsonNode policyValue(JsonNode file, String policy) {
        JsonNode value = file.get(policy);
        return value == null ? null : ApiClient.json(value.asText());
    }
}
