package com.mcpregistry.http.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The official documents are found and really judge: what breaks them is reported, what follows them is not. */
class OfficialRegistryApiTest {
    private static final OfficialRegistryApi OFFICIAL = OfficialRegistryApi.load();
    private static final String JSON = "application/json";

    private static final String SERVER = """
            {"$schema":"https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
             "name":"com.contoso/ledger","title":"Ledger","description":"Books entries","version":"1.0.0",
             "remotes":[{"type":"sse","url":"https://mcp.contoso.com/sse"}]}""";
    private static final String OFFICIAL_META = """
            {"status":"active","publishedAt":"2025-03-01T09:00:00.123456Z","updatedAt":"2025-03-01T09:00:00Z",
             "statusChangedAt":"2025-03-01T09:00:00Z","isLatest":true}""";

    private static String list(String server, String official, String metadata) {
        return "{\"servers\":[{\"server\":" + server + ",\"_meta\":{\"io.modelcontextprotocol.registry/official\":"
                + official + ",\"com.mcpregistry/registration\":{\"tags\":[]}}}],\"metadata\":" + metadata + "}";
    }

    @Test
    void the_documents_are_vendored_in_the_repository() throws IOException {
        assertThat(OfficialRegistryApi.document("openapi.yaml")).contains("openapi:");
        assertThat(OfficialRegistryApi.document("server.schema.json")).contains("\"$schema\"");
        assertThat(OfficialRegistryApi.document("LICENSE")).contains("MIT");
    }

    @Test
    void an_answer_in_the_official_shapes_passes() {
        assertThat(OFFICIAL.problems("GET", "/v0.1/servers", 200, JSON, list(SERVER, OFFICIAL_META, "{\"count\":1}")))
                .isEmpty();
        assertThat(OFFICIAL.problems(
                        "GET",
                        "/v0/servers/com.contoso%2Fledger/versions",
                        200,
                        JSON,
                        list(SERVER, OFFICIAL_META, "{}")))
                .isEmpty();
        assertThat(OFFICIAL.problems(
                        "GET", "/v0.1/servers/x/versions/1.0.0", 404, JSON, "{\"error\":\"Server not found\"}"))
                .isEmpty();
    }

    @Test
    void what_breaks_the_official_shapes_is_reported() {
        assertThat(OFFICIAL.problems(
                        "GET",
                        "/v0.1/servers",
                        200,
                        JSON,
                        list(SERVER, OFFICIAL_META.replace("\"isLatest\"", "\"reviewedAt\":\"x\",\"isLatest\""), "{}")))
                .as("a field of our own inside the official metadata")
                .isNotEmpty();
        assertThat(OFFICIAL.problems(
                        "GET", "/v0.1/servers", 200, JSON, list(SERVER, OFFICIAL_META, "{\"nextCursor\":null}")))
                .as("a null cursor")
                .isNotEmpty();
        assertThat(OFFICIAL.problems(
                        "GET",
                        "/v0.1/servers",
                        200,
                        JSON,
                        list(SERVER.replace("\"name\":", "\"nom\":"), OFFICIAL_META, "{}")))
                .as("a server without a name")
                .isNotEmpty();
        assertThat(OFFICIAL.problems(
                        "GET",
                        "/v0.1/servers",
                        200,
                        JSON,
                        list(SERVER.replace("https://mcp.contoso.com/sse", "not a url"), OFFICIAL_META, "{}")))
                .as("an SSE remote without a URL")
                .isNotEmpty();
        assertThat(OFFICIAL.problems(
                        "GET",
                        "/v0.1/servers",
                        200,
                        JSON,
                        list(SERVER, OFFICIAL_META.replace("\"active\"", "\"Approved\""), "{}")))
                .as("a status of the seed API")
                .isNotEmpty();
        assertThat(OFFICIAL.problems(
                        "GET", "/v0.1/servers/x/versions", 404, "application/problem+json", "{\"error\":\"x\"}"))
                .as("a problem document where the official API has its error body")
                .isNotEmpty();
        assertThat(OFFICIAL.problems("GET", "/v0.1/servers", 400, JSON, "{\"error\":42}"))
                .isNotEmpty();
    }
}
