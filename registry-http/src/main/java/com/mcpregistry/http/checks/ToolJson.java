package com.mcpregistry.http.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.mcpregistry.domain.checks.Tool;
import com.mcpregistry.domain.checks.ToolSet;
import java.util.List;
import java.util.Optional;

/**
 * One tool a remote listed, as the API writes it: its name, title and description as strings, its schemas and
 * annotations as the JSON values the remote sent.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ToolJson(
        String name,
        Optional<String> title,
        Optional<String> description,
        JsonNode inputSchema,
        Optional<JsonNode> outputSchema,
        Optional<JsonNode> annotations) {

    static ToolJson of(Tool tool) {
        return new ToolJson(
                tool.name(),
                tool.title(),
                tool.description(),
                RemoteJsonText.value(tool.inputSchema()),
                tool.outputSchema().map(RemoteJsonText::value),
                tool.annotations().map(RemoteJsonText::value));
    }

    static List<ToolJson> of(ToolSet tools) {
        return tools.tools().stream().map(ToolJson::of).toList();
    }
}
