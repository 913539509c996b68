package com.mcpregistry.http.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The registry's OpenAPI 3.1 document, written by hand in {@value #RESOURCE} and served as it is written. It is read
 * and checked once, when the API is built, so that a broken document stops start-up instead of reaching clients.
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
