package com.mcpregistry.mcp.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON text in the form the domain compares and hashes: object keys sorted at every depth, no white space. */
final class CanonicalJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CanonicalJson() {}

    /** The canonical text of {@code value} (a map, list or SDK record), as Jackson writes it. */
    static String of(Object value) {
        return MAPPER.writeValueAsString(sorted(MAPPER.valueToTree(value)));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(node.properties());
            properties.sort(Map.Entry.comparingByKey());
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            properties.forEach(property -> copy.set(property.getKey(), sorted(property.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
