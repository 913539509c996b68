package com.mcpregistry.http.checks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A JSON text a remote server sent (a tool's schema or annotations, a server's capabilities), as the check stored it,
 * written back as the JSON value it is. The texts are the remote's, so nothing in them is trusted: they are parsed as
 * data only, and one that is not a single JSON value (which the adapter that stored it never writes) is written as a
 * string instead of failing the answer. The API's own mapper would refuse long texts that a remote may legitimately
 * send; here Jackson's default bounds hold, except nesting: a value nested deeper than {@value #MAX_DEPTH} levels is
 * written as a string too, so that the answer holding it stays within the depth Jackson writes (1000).
 */
final class RemoteJsonText {
    static final int MAX_DEPTH = 500;

    private static final ObjectMapper READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RemoteJsonText() {}

    static JsonNode value(String text) {
        try {
            JsonNode value = READER.readTree(text);
            return value == null || value.isMissingNode() ? TextNode.valueOf(text) : value;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
