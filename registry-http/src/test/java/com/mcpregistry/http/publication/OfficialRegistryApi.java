package com.mcpregistry.http.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.http.docs.OpenApiSchemas;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The official MCP Registry API, as its own documents describe it: {@code openapi.yaml} and
 * {@code server.schema.json}, vendored from the official registry into this module's test resources
 * ({@code mcp-registry-api/}, with their licence and source commits) and read from the class path. Answers of this
 * registry must validate against both, so that MCP clients written against the official registry read it.
 */
public final class OfficialRegistryApi {
    /** Where the vendored documents are on the test class path. */
    public static final String RESOURCES = "/mcp-registry-api/";
    /** The edition this registry's answers follow: its server.json schema and the OpenAPI document beside it. */
    public static final String EDITION = "2025-12-11/";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static OfficialRegistryApi instance;

    private final OpenApiSchemas openApi;
    private final JsonSchema serverSchema;

    private OfficialRegistryApi() throws IOException {
        Map<String, Object> yaml =
                new Yaml(new SafeConstructor(new LoaderOptions())).load(document(EDITION + "openapi.yaml"));
        ObjectNode document = MAPPER.valueToTree(yaml);
        // The document's own $id would send schema references to modelcontextprotocol.io; they all point inside it.
        document.remove("$id");
        this.openApi = OpenApiSchemas.of(MAPPER.writeValueAsString(document));

        this.serverSchema = serverSchema(EDITION);
    }

    /**
     * The vendored server.json schema of one edition, read from the class path: {@code ""} for the copy beside
     * openapi.yaml, {@code "2025-12-11/"} for a dated edition vendored in its own folder. Its {@code $id} resolves to
     * the vendored text, never to the network; formats are asserted.
     */
    public static JsonSchema serverSchema(String edition) throws IOException {
        String serverJson = document(edition + "server.schema.json");
        String id = MAPPER.readTree(serverJson).path("$id").asText();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V7,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(id, serverJson))));
        return factory.getSchema(
                SchemaLocation.of(id),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    public static synchronized OfficialRegistryApi load() {
        if (instance == null) {
            try {
                instance = new OfficialRegistryApi();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** One of the vendored documents, read from the class path; a missing one fails the test. */
    public static String document(String name) throws IOException {
        try (InputStream in = OfficialRegistryApi.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new AssertionError("the official MCP Registry API document " + RESOURCES + name
                        + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Asserts that an answer of {@code /v0.1/...} or {@code /v0/...} is what the official openapi.yaml documents
     * for that method, path and status (a {@code /v0} path as its {@code /v0.1} twin), every server object valid
     * server.json of the edition, and an error status the official document does not list (400, 409) in the official
     * error shape.
     */
    public void assertConforms(HttpResponse<String> response) {
        assertThat(problems(
                        response.request().method(),
                        response.request().uri().getRawPath(),
                        response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null),
                        response.body()))
                .as(
                        "%s %s answered %s, which the official MCP Registry API documents describe so:\n%s",
                        response.request().method(), response.request().uri(), response.statusCode(), response.body())
                .isEmpty();
    }

    /** What the official documents find wrong with this answer to {@code method} {@code rawPath}; empty if nothing. */
    List<String> problems(String method, String rawPath, int status, String contentType, String body) {
        // Every error takes the shape the official document gives its errors: that of a server's 404.
        boolean error = status >= 400;
        String path = error ? "/v0.1/servers/any/versions" : rawPath.replaceFirst("^/v0/", "/v0.1/");
        List<String> problems = new ArrayList<>(
                openApi.responseProblems(error ? "GET" : method, path, error ? 404 : status, contentType, body));
        if (status == 200 && problems.isEmpty()) {
            for (JsonNode server : serversOf(body)) {
                for (ValidationMessage message : serverSchema.validate(server)) {
                    problems.add("server.schema.json: " + message.getMessage());
                }
            }
        }
        return problems;
    }

    /** The server objects of a ServerList or ServerResponse body. */
    static List<JsonNode> serversOf(String body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            List<JsonNode> servers = new ArrayList<>();
            if (root.has("servers")) {
                root.path("servers").forEach(entry -> servers.add(entry.path("server")));
            } else {
                servers.add(root.path("server"));
            }
            return servers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
