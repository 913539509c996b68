package com.mcpregistry.http.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.api.StartedApi;
import com.mcpregistry.http.api.StubTokens;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MCP Registry API over real HTTP with the in-memory adapters: the official shapes (every answer is checked
 * against the official openapi.yaml and server.schema.json, and against this registry's own document), the calls
 * VS Code makes, URL-encoded names and versions, errors, CORS and caching.
 */
class PublishedServerRoutesTest {

    @RegisterExtension
    static final StartedApi api = StartedApi.perTestClass(new ApiSettings(List.of()), new StubTokens());

    private static final RegistryClient registry = new RegistryClient(api);

    private static String namespace() {
        return "com.t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // ---- shapes ----------------------------------------------------------------------------------------------

    @Test
    void a_published_server_has_the_official_shape_with_our_facts_under_our_own_key() {
        String ns = namespace();
        ObjectNode body = RegistryClient.json("{}").deepCopy();
        ObjectNode submission = ((ObjectNode) body)
                .put("server_name", ns + "/ledger-tools")
                .put("version", "1.4.0")
                .put("title", "Ledger tools")
                .put("description", "Reads and books ledger entries")
                .put("endpoint_url", "https://mcp.contoso.com/" + ns + "/ledger")
                .put("transport", "sse")
                .put("owner_contact", "finance-platform@contoso.com")
                .put("repository_url", "https://github.com/contoso/ledger-tools")
                .put("documentation_url", "https://docs.contoso.com/ledger-tools");
        submission.putArray("tags").add("finance").add("ledger");
        String id = registry.submit(submission);
        registry.review(id, "Approved");

        JsonNode page = registry.read("/v0.1/servers?search=" + ns);

        assertThat(page.path("metadata").path("count").asInt()).isEqualTo(1);
        assertThat(page.path("metadata").has("nextCursor")).as("no next page").isFalse();
        JsonNode server = page.path("servers").get(0).path("server");
        assertThat(server.path("$schema").asText())
                .isEqualTo("https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json");
        assertThat(server.path("name").asText()).isEqualTo(ns + "/ledger-tools");
        assertThat(server.path("title").asText()).isEqualTo("Ledger tools");
        assertThat(server.path("description").asText()).isEqualTo("Reads and books ledger entries");
        assertThat(server.path("version").asText()).isEqualTo("1.4.0");
        assertThat(server.path("remotes").toString())
                .isEqualTo("[{\"type\":\"sse\",\"url\":\"https://mcp.contoso.com/" + ns + "/ledger\"}]");
        assertThat(server.path("repository").toString())
                .isEqualTo("{\"url\":\"https://github.com/contoso/ledger-tools\",\"source\":\"github\"}");
        assertThat(server.path("websiteUrl").asText()).isEqualTo("https://docs.contoso.com/ledger-tools");
        JsonNode meta = page.path("servers").get(0).path("_meta");
        JsonNode official = meta.path("io.modelcontextprotocol.registry/official");
        assertThat(official.path("status").asText()).isEqualTo("active");
        assertThat(official.path("isLatest").asBoolean()).isTrue();
        assertThat(official.has("statusMessage")).isFalse();
        assertThat(official.path("publishedAt").asText())
                .isEqualTo(official.path("statusChangedAt").asText())
                .isEqualTo(official.path("updatedAt").asText());
        JsonNode ours = meta.path("com.mcpregistry/registration");
        assertThat(ours.path("registrationId").asText()).isEqualTo(id);
        assertThat(ours.path("tags").toString()).isEqualTo("[\"finance\",\"ledger\"]");
        assertThat(ours.path("ownerContact").asText()).isEqualTo("finance-platform@contoso.com");
        assertThat(ours.path("reviewedAt").asText())
                .isEqualTo(official.path("publishedAt").asText());
    }

    @Test
    void a_server_without_repository_or_website_leaves_them_out_and_other_forges_are_named_by_host() {
        String ns = namespace();
        registry.approved(ns + "/plain", "1.0.0");
        ObjectNode gitlab = (ObjectNode) RegistryClient.json("{}");
        gitlab.put("server_name", ns + "/forged")
                .put("title", "Forged")
                .put("description", "Lives on a self-hosted forge")
                .put("endpoint_url", "https://mcp.contoso.com/" + ns + "/forged")
                .put("owner_contact", "owner@contoso.com")
                .put("repository_url", "https://git.contoso.com/tools/forged");
        registry.review(registry.submit(gitlab), "Approved");

        JsonNode servers = registry.read("/v0.1/servers?search=" + ns).path("servers");

        assertThat(servers.get(0)
                        .path("server")
                        .path("repository")
                        .path("source")
                        .asText())
                .isEqualTo("git.contoso.com");
        assertThat(servers.get(1).path("server").has("repository")).isFalse();
        assertThat(servers.get(1).path("server").has("websiteUrl")).isFalse();
    }

    // ---- the calls VS Code makes ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/v0.1", "/v0"})
    void the_calls_vs_code_makes_all_answer_in_the_official_shapes(String prefix) {
        String ns = namespace();
        for (String local : List.of("alpha", "bravo", "charlie", "delta", "echo")) {
            registry.approved(ns + "/" + local, "1.0.0");
        }
        registry.approved(ns + "/charlie", "1.1.0");

        // The probe: is there a registry at this URL at all?
        HttpResponse<String> probe = registry.get(prefix + "/servers?limit=1");
        assertThat(probe.statusCode()).isEqualTo(200);
        assertThat(RegistryClient.json(probe.body()).path("servers").size()).isEqualTo(1);

        // The gallery: latest versions, searched, page by page.
        List<String> names = new ArrayList<>();
        String query = prefix + "/servers?limit=2&version=latest&search=" + ns.toUpperCase();
        JsonNode page = registry.read(query);
        while (true) {
            page.path("servers")
                    .forEach(s -> names.add(s.path("server").path("name").asText() + "@"
                            + s.path("server").path("version").asText()));
            if (!page.path("metadata").has("nextCursor")) {
                break;
            }
            page = registry.read(query + "&cursor="
                    + encoded(page.path("metadata").path("nextCursor").asText()));
        }
        assertThat(names)
                .containsExactly(
                        ns + "/alpha@1.0.0",
                        ns + "/bravo@1.0.0",
                        ns + "/charlie@1.1.0",
                        ns + "/delta@1.0.0",
                        ns + "/echo@1.0.0");

        // A server's details: its latest version, the name URL-encoded; and its versions.
        JsonNode latest = registry.read(prefix + "/servers/" + encoded(ns + "/charlie") + "/versions/latest");
        assertThat(latest.path("server").path("version").asText()).isEqualTo("1.1.0");
        assertThat(latest.path("_meta")
                        .path("io.modelcontextprotocol.registry/official")
                        .path("isLatest")
                        .asBoolean())
                .isTrue();
        JsonNode versions = registry.read(prefix + "/servers/" + encoded(ns + "/charlie") + "/versions");
        assertThat(versions.path("servers").findValuesAsText("version")).containsExactly("1.1.0", "1.0.0");
        assertThat(versions.path("metadata").path("count").asInt()).isEqualTo(2);
    }

    @Test
    void a_name_arrives_url_encoded_in_either_case_and_a_version_with_build_metadata_encoded_or_not() {
        String ns = namespace();
        registry.approved(ns + "/ledger", "1.0.0+20130313144700");

        for (String path : List.of(
                "/v0.1/servers/" + ns + "%2Fledger/versions/1.0.0%2B20130313144700",
                "/v0.1/servers/" + ns + "%2fledger/versions/1.0.0+20130313144700",
                "/v0/servers/" + ns + "%2Fledger/versions/1.0.0%2b20130313144700")) {
            assertThat(registry.read(path).path("server").path("version").asText())
                    .as(path)
                    .isEqualTo("1.0.0+20130313144700");
        }
        assertThat(api.get("/v0.1/servers/" + ns + "/ledger/versions").statusCode())
                .as("an unencoded slash is another path")
                .isEqualTo(404);
    }

    // ---- errors --------------------------------------------------------------------------------------------

    @Test
    void what_does_not_exist_is_the_official_not_found() {
        String ns = namespace();
        String deleted = registry.approved(ns + "/gone", "1.0.0");
        registry.delete(deleted);
        registry.approved(ns + "/tools", "1.0.0");

        for (String path : List.of(
                "/v0.1/servers/" + encoded(ns + "/nothing") + "/versions",
                "/v0.1/servers/" + encoded(ns + "/nothing") + "/versions/latest",
                "/v0.1/servers/" + encoded(ns + "/tools") + "/versions/9.9.9",
                "/v0.1/servers/" + encoded(ns + "/tools") + "/versions/%5E1.0",
                "/v0.1/servers/not%20a%20name/versions",
                "/v0.1/servers/" + encoded(ns + "/gone") + "/versions",
                "/v0/servers/" + encoded(ns + "/gone") + "/versions/1.0.0")) {
            HttpResponse<String> response = registry.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).as(path).isEqualTo("{\"error\":\"Server not found\"}");
        }
        assertThat(registry.read("/v0.1/servers/" + encoded(ns + "/gone") + "/versions?include_deleted=true")
                        .path("servers")
                        .get(0)
                        .path("_meta")
                        .path("io.modelcontextprotocol.registry/official")
                        .path("status")
                        .asText())
                .isEqualTo("deleted");
    }

    @Test
    void bad_query_parameters_are_a_400_with_the_official_error_body() {
        for (String query : List.of(
                "updated_since=yesterday",
                "updated_since=2025-08-07",
                "limit=0",
                "limit=101",
                "limit=ten",
                "cursor=bm90LW91cnM",
                "include_deleted=maybe",
                "version=%5E1.2")) {
            HttpResponse<String> response = registry.get("/v0.1/servers?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(RegistryClient.json(response.body()).path("error").asText())
                    .as(query)
                    .startsWith(query.substring(0, query.indexOf('=')) + ": ");
        }
    }

    @Test
    void updated_since_takes_an_offset_whether_or_not_its_plus_was_encoded() {
        String ns = namespace();
        registry.approved(ns + "/tools", "1.0.0");

        for (String since :
                List.of("2000-01-01T00:00:00%2B02:00", "2000-01-01T00:00:00+02:00", "2000-01-01T00:00:00Z")) {
            assertThat(registry.read("/v0.1/servers?search=" + ns + "&updated_since=" + since)
                            .path("servers")
                            .size())
                    .as(since)
                    .isEqualTo(1);
        }
    }

    // ---- browsers and caches -------------------------------------------------------------------------------

    @Test
    void any_origin_may_read_and_a_preflight_is_answered_without_credentials() {
        HttpResponse<String> get = api.send(HttpRequest.newBuilder(api.uri("/v0.1/servers?limit=1"))
                .header("Origin", "https://vscode.dev")
                .GET()
                .build());
        HttpResponse<String> preflight = api.send(HttpRequest.newBuilder(api.uri("/v0/servers/x%2Fy/versions/latest"))
                .header("Origin", "https://vscode.dev")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(get.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValueSatisfying(h -> assertThat(h).contains("ETag"));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .contains("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(m -> assertThat(m).contains("GET"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(h -> assertThat(h).containsIgnoringCase("If-None-Match"));
        HttpResponse<String> seedApi = api.send(HttpRequest.newBuilder(api.uri("/health"))
                .header("Origin", "https://vscode.dev")
                .GET()
                .build());
        assertThat(seedApi.headers().firstValue("Access-Control-Allow-Origin"))
                .as("the seed API keeps its own CORS rule")
                .isEmpty();
    }

    @Test
    void an_answer_carries_an_entity_tag_and_is_not_sent_again_while_it_is_current() {
        String ns = namespace();
        registry.approved(ns + "/tools", "1.0.0");
        String path = "/v0.1/servers?search=" + ns;

        HttpResponse<String> first = registry.get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = api.send(HttpRequest.newBuilder(api.uri(path))
                .header("If-None-Match", etag)
                .GET()
                .build());
        registry.conforms(again);

        assertThat(etag).startsWith("W/\"");
        assertThat(first.headers().firstValue("Cache-Control")).contains("public, max-age=30");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);

        registry.approved(ns + "/tools", "2.0.0");
        HttpResponse<String> changed = api.send(HttpRequest.newBuilder(api.uri(path))
                .header("If-None-Match", "\"other\", " + etag)
                .GET()
                .build());

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    @Test
    void every_answer_and_preflight_carries_the_cors_headers_github_documents_for_registries() {
        String ns = namespace();
        registry.approved(ns + "/tools", "1.0.0");
        for (String path : List.of(
                "/v0.1/servers?search=" + ns,
                "/v0.1/servers/" + encoded(ns + "/tools") + "/versions",
                "/v0.1/servers/" + encoded(ns + "/tools") + "/versions/latest",
                "/v0.1/servers/" + encoded(ns + "/nothing") + "/versions/latest",
                "/v0.1")) {
            HttpResponse<String> get = api.send(HttpRequest.newBuilder(api.uri(path))
                    .header("Origin", "https://github.com")
                    .GET()
                    .build());
            HttpResponse<String> preflight = api.send(HttpRequest.newBuilder(api.uri(path))
                    .header("Origin", "https://github.com")
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build());

            for (HttpResponse<String> answer : List.of(get, preflight)) {
                assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                        .as(path)
                        .contains("*");
                assertThat(answer.headers().firstValue("Access-Control-Allow-Methods"))
                        .as(path)
                        .contains("GET, OPTIONS");
                assertThat(answer.headers().firstValue("Access-Control-Allow-Headers"))
                        .as(path)
                        .contains("Authorization, Content-Type, If-None-Match, X-Request-Id");
            }
            assertThat(preflight.statusCode()).as(path).isEqualTo(204);
        }
    }

    @Test
    void the_api_path_itself_answers_which_base_url_to_give_clients() {
        for (String path : List.of("/v0.1", "/v0.1/", "/v0")) {
            HttpResponse<String> index = api.get(path);

            assertThat(index.statusCode()).as(path).isEqualTo(200);
            JsonNode body = RegistryClient.json(index.body());
            assertThat(body.path("baseUrl").asText())
                    .as(path)
                    .isEqualTo(api.uri("").toString().replaceAll("/$", ""));
            assertThat(body.path("hint").asText()).contains("without /v0.1");
            assertThat(body.path("endpoints").toString()).contains("/servers/{serverName}/versions/latest");
        }
    }

    @Test
    void a_client_given_the_api_path_as_its_base_url_is_told_the_right_one() {
        // VS Code probes {base}/v0.1/servers?limit=1: with a base that ends in /v0.1, this.
        for (String path : List.of("/v0.1/v0.1/servers?limit=1", "/v0.1/v0/servers?limit=1", "/v0/v0.1/servers")) {
            HttpResponse<String> mistaken = api.get(path);

            assertThat(mistaken.statusCode()).as(path).isEqualTo(404);
            assertThat(RegistryClient.json(mistaken.body()).path("error").asText())
                    .as(path)
                    .contains("base URL is " + api.uri("").toString().replaceAll("/$", ""))
                    .contains("without /v0.1");
        }
    }
}
