package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * server.json documents for the end-to-end tests: the official examples in {@code src/test/resources/server-json/}
 * (each naming the 2025-12-11 schema, the edition the registry writes), documents of a name and package of their own,
 * and the paths and bodies that submit and read them.
 */
final class ServerJsonDocuments {
    /** The {@code $schema} of the edition the registry validates against and writes. */
    static final String SCHEMA_URL = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";

    /** The registry metadata key the official schema defines. */
    static final String OFFICIAL_META = "io.modelcontextprotocol.registry/official";

    private ServerJsonDocuments() {}

    /** The official example {@code file} (e.g. {@code with-remote.json}), naming the 2025-12-11 schema. */
    static ObjectNode example(String file) {
        try (InputStream in = ServerJsonDocuments.class.getResourceAsStream("/server-json/" + file)) {
            assertThat(in).as("server-json/" + file + " on the test class path").isNotNull();
            ObjectNode document = (ObjectNode) RunningRegistry.JSON.readTree(in);
            document.put("$schema", SCHEMA_URL);
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A server of a name no other test uses, whose one npm package (from {@code registryBaseUrl}, null for the
     * official registry) no other server has: {@code with-package.json} under that name and identifier.
     */
    static ObjectNode npmServer(String name, String registryBaseUrl) {
        ObjectNode document = example("with-package.json");
        String serverName = Submissions.uniqueName(name);
        document.put("name", serverName);
        ObjectNode pkg = (ObjectNode) document.path("packages").get(0);
        pkg.put("identifier", "@contoso/" + serverName.substring(serverName.indexOf('/') + 1) + "-mcp");
        if (registryBaseUrl != null) {
            pkg.put("registryBaseUrl", registryBaseUrl);
        }
        return document;
    }

    /** A server of a name no other test uses with one streamable-http remote at {@code url}. */
    static ObjectNode remoteServer(String name, String url) {
        ObjectNode document = RunningRegistry.JSON.createObjectNode();
        document.put("$schema", SCHEMA_URL);
        document.put("name", Submissions.uniqueName(name));
        document.put("description", "Reads and posts ledger entries");
        document.put("version", "1.0.0");
        ObjectNode remote = document.putArray("remotes").addObject();
        remote.put("type", "streamable-http");
        remote.put("url", url);
        return document;
    }

    /** A body of {@code POST /registrations} that submits {@code document} whole. */
    static Map<String, Object> submission(JsonNode document) {
        return Map.of("server", document);
    }

    /** {@code /v0.1/servers/{name}/versions/{version}} of the document's name and version. */
    static String publishedPath(JsonNode document) {
        return publishedPath(
                document.path("name").asText(), document.path("version").asText());
    }

    static String publishedPath(String serverName, String version) {
        return "/v0.1/servers/" + URLEncoder.encode(serverName, StandardCharsets.UTF_8) + "/versions/"
                + URLEncoder.encode(version, StandardCharsets.UTF_8);
    }

    /** The fields a 400 problem rejects, as the client sent them (a pointer below {@code /server}, or a simple field). */
    static java.util.List<String> rejectedFields(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        return RunningRegistry.json(refused).path("errors").findValuesAsText("field");
    }
}
