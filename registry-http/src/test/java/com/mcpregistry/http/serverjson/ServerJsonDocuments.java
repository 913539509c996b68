package com.mcpregistry.http.serverjson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.http.publication.OfficialRegistryApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * server.json documents for tests: the official examples of the vendored edition, a valid document to spoil one field
 * at a time, and what the registry writes for a document it was sent.
 */
public final class ServerJsonDocuments {
    /** The official examples every package type and a remote with headers and URL variables are taken from. */
    public static final List<String> VALID_EXAMPLES = List.of(
            "with-package.json",
            "generic-pypi.json",
            "generic-nuget.json",
            "generic-oci.json",
            "generic-mcpb.json",
            "with-remote.json",
            "generic-hybrid.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ServerJsonDocuments() {}

    /** An official example of the vendored edition, e.g. {@code valid/with-remote.json}. */
    public static ObjectNode example(String name) {
        try {
            return (ObjectNode)
                    MAPPER.readTree(OfficialRegistryApi.document(OfficialRegistryApi.EDITION + "examples/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A valid document of {@code name} and {@code version} with one npm package (a named argument, a secret
     * environment variable) and one remote with a header and a URL variable, for a test to spoil in one place.
     */
    public static ObjectNode document(String name, String version) {
        ObjectNode document = (ObjectNode) json("""
                {
                  "name": "com.contoso/ledger-tools",
                  "description": "Ledger tools for finance teams",
                  "version": "1.4.0",
                  "packages": [{
                    "registryType": "npm",
                    "identifier": "@contoso/ledger-tools",
                    "version": "1.4.0",
                    "transport": { "type": "stdio" },
                    "packageArguments": [{ "type": "named", "name": "--port", "value": "8080" }],
                    "environmentVariables": [{ "name": "LEDGER_TOKEN", "isSecret": true }]
                  }],
                  "remotes": [{
                    "type": "streamable-http",
                    "url": "https://{tenant}.ledger.contoso.com/mcp",
                    "headers": [{ "name": "Authorization", "isSecret": true, "isRequired": true }],
                    "variables": { "tenant": { "description": "Your tenant", "isRequired": true } }
                  }]
                }
                """);
        return document.put("name", name).put("version", version);
    }

    /**
     * {@code document} with the value at {@code pointer} (its parent must exist; an array index may be one past its
     * end) set to the JSON {@code value}.
     */
    public static ObjectNode with(ObjectNode document, String pointer, String value) {
        int slash = pointer.lastIndexOf('/');
        ContainerNode<?> parent = (ContainerNode<?>) document.at(pointer.substring(0, slash));
        String last = unescape(pointer.substring(slash + 1));
        if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            if (index == array.size()) {
                array.add(json(value));
            } else {
                array.set(index, json(value));
            }
        } else {
            ((ObjectNode) parent).set(last, json(value));
        }
        return document;
    }

    /** {@code document} without the member at {@code pointer}. */
    public static ObjectNode without(ObjectNode document, String pointer) {
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) document.at(pointer.substring(0, slash))).remove(unescape(pointer.substring(slash + 1)));
        return document;
    }

    /**
     * What the registry writes for {@code sent}: the same document, its {@code $schema} naming the edition the
     * registry validates against, without the members that only state the schema's default ({@code "isSecret":
     * false}, {@code "format": "string"}; publisher metadata is kept as it is).
     */
    public static JsonNode asWritten(JsonNode sent) {
        ObjectNode copy = sent.deepCopy();
        copy.put("$schema", ServerJsonWriter.SCHEMA_URL);
        dropDefaults(copy);
        return copy;
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static void dropDefaults(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> defaults = new ArrayList<>();
            object.fields().forEachRemaining(field -> {
                boolean isFalseFlag = field.getKey().startsWith("is")
                        && field.getValue().isBoolean()
                        && !field.getValue().booleanValue();
                boolean isStringFormat = field.getKey().equals("format")
                        && field.getValue().asText().equals("string");
                if (isFalseFlag || isStringFormat) {
                    defaults.add(field.getKey());
                }
            });
            object.remove(defaults);
            object.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("_meta")) {
                    dropDefaults(field.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(ServerJsonDocuments::dropDefaults);
        }
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
