package com.mcpregistry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.http.publication.ServerListJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the statements after a read's own bind: the ids of the registrations it shows (their remotes' statuses) and
 * their server names, each once (their owners), read from serve's own answer. pgbench gets them as {@code -D}
 * variables, {@code :ids} a uuid[] literal and {@code :server_names} a text[] literal.
 */
record PageValues(List<String> ids, List<String> serverNames) {

    PageValues {
        ids = List.copyOf(ids);
        serverNames = List.copyOf(serverNames);
    }

    /**
     * The values of an answer of the seed API (a page, {@code items}, or one registration) or of the MCP Registry
     * API (a page, {@code servers}).
     */
    static PageValues of(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        if (answer.has("servers")) {
            for (JsonNode entry : answer.get("servers")) {
                ids.add(entry.path("_meta")
                        .path(ServerListJson.REGISTRATION_META)
                        .path("registrationId")
                        .asText());
                names.add(entry.path("server").path("name").asText());
            }
        } else {
            for (JsonNode registration : answer.has("items") ? answer.get("items") : List.of(answer)) {
                ids.add(registration.path("registration_id").asText());
                names.add(registration.path("server_name").asText());
            }
        }
        if (ids.isEmpty() || ids.contains("") || names.contains("")) {
            throw new BenchmarkFailure("an answer without the registrations it shows: " + answer);
        }
        return new PageValues(ids, List.copyOf(names));
    }

    /** pgbench's arguments that define them, as {@code ids<suffix>} and {@code server_names<suffix>}. */
    List<String> variables(String suffix) {
        return List.of(
                "-D",
                "ids" + suffix + "=" + arrayLiteral(ids),
                "-D",
                "server_names" + suffix + "=" + arrayLiteral(serverNames));
    }

    /** A PostgreSQL array literal of {@code values}, each quoted: {@code {"a","b"}}. */
    static String arrayLiteral(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            quoted.add('"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return "{" + String.join(",", quoted) + "}";
    }
}
