package com.mcpregistry.http.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.http.shared.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The registry's OpenAPI 3.1 document, written by hand in {@value #RESOURCE} and served as it is written, with the
 * {@link OpenApiPaths} of the routes the application adds merged in. It is read and checked once, when the API is
 * built, so that a broken document stops start-up instead of reaching clients.
 */
public final class OpenApiDocument {
    /** Where the document lives on the classpath. */
    public static final String RESOURCE = "openapi/registry-openapi.json";

    private final byte[] json;

    private OpenApiDocument(byte[] json) {
        this.json = json;
    }

    public static OpenApiDocument fromClasspath() {
        return of(read(OpenApiDocument.class.getClassLoader(), RESOURCE));
    }

    /** A document from its JSON text; it must be a JSON object that declares OpenAPI 3.1. */
    public static OpenApiDocument of(byte[] json) {
        JsonNode root;
        try {
            // The API's strict mapper: a duplicated key in the hand-written document is an error, not a silent loss.
            root = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI document is not valid JSON: " + e.getMessage(), e);
        }
        String version = root.path("openapi").asText("");
        if (!version.startsWith("3.1.")) {
            throw new IllegalStateException("the OpenAPI document must declare openapi 3.1.x, not '" + version + "'");
        }
        return new OpenApiDocument(json.clone());
    }

    /**
     * This document with {@code added}'s path items and components, for routes the application adds. A path or
     * component that is already described is an error: a part never replaces what the document says.
     */
    public OpenApiDocument with(OpenApiPaths added) {
        if (added.isEmpty()) {
            return this;
        }
        ObjectNode root;
        try {
            root = (ObjectNode) Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (ObjectNode part : added.parts()) {
            mergeNew(root.withObjectProperty("paths"), part.path("paths"), "paths");
            part.path("components")
                    .fields()
                    .forEachRemaining(section -> mergeNew(
                            root.withObjectProperty("components").withObjectProperty(section.getKey()),
                            section.getValue(),
                            "components." + section.getKey()));
        }
        return of(Json.writeBytes(root));
    }

    private static void mergeNew(ObjectNode into, JsonNode from, String where) {
        from.fields().forEachRemaining(entry -> {
            if (into.has(entry.getKey())) {
                throw new IllegalStateException("the OpenAPI document already has " + where + "." + entry.getKey());
            }
            into.set(entry.getKey(), entry.getValue().deepCopy());
        });
    }

    /** The document as written; callers only send it, never change it. */
    byte[] json() {
        return json;
    }

    static byte[] read(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
