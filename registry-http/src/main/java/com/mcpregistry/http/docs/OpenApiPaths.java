package com.mcpregistry.http.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.http.shared.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAPI description of routes the application adds to the API outside {@code RegistryApi} ({@code /metrics}
 * when metrics are on, {@code /dev/token} in {@code start-dev}): path items, and the components they use, that
 * {@link OpenApiDocument#with} merges into the served document exactly when the routes exist. Each part is a JSON
 * resource beside the main document, {@code {"paths": {…}, "components": {…}}}.
 */
public final class OpenApiPaths {
    /** {@code GET /metrics}. */
    public static final String METRICS = "openapi/metrics-openapi.json";
    /** {@code POST /dev/token}. */
    public static final String DEVELOPMENT_TOKEN = "openapi/development-token-openapi.json";

    private static final OpenApiPaths NONE = new OpenApiPaths(List.of());

    private final List<ObjectNode> parts;

    private OpenApiPaths(List<ObjectNode> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Nothing to add. */
    public static OpenApiPaths none() {
        return NONE;
    }

    /** The part in {@code resource} on the classpath, e.g. {@link #METRICS}; it must be a JSON object. */
    public static OpenApiPaths fromClasspath(String resource) {
        JsonNode part;
        try {
            part = Json.MAPPER.readTree(OpenApiDocument.read(OpenApiPaths.class.getClassLoader(), resource));
        } catch (IOException e) {
            throw new IllegalStateException(resource + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!(part instanceof ObjectNode object) || !part.path("paths").isObject()) {
            throw new IllegalStateException(resource + " must be a JSON object with paths");
        }
        return new OpenApiPaths(List.of(object));
    }

    /** These parts and {@code more}. */
    public OpenApiPaths and(OpenApiPaths more) {
        List<ObjectNode> all = new ArrayList<>(parts);
        all.addAll(more.parts);
        return new OpenApiPaths(all);
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    List<ObjectNode> parts() {
        return parts;
    }
}
