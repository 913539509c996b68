package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The requests real clients send, in their order, to a running registry over real HTTP and PostgreSQL.
 *
 * <ul>
 *   <li>VS Code's gallery (microsoft/vscode, src/vs/platform/mcp/common): {@code mcpGalleryManifestService.ts} drops
 *       one trailing slash of the configured URL and probes {@code {url}/v0.1/servers?limit=1}; {@code
 *       mcpGalleryService.ts} asks {@code {url}/v0.1/servers?limit=50&version=latest&search=T}, then each next page
 *       with {@code query.withPage(cursor).withSearchText(undefined)}: the same URL without {@code search}, the cursor
 *       appended unencoded; it looks a server up by {@code {url}/v0.1/servers/{encodeURIComponent(name)}/versions/latest}
 *       and takes any 4xx as "no such server".
 *   <li>Registry-only enforcement (VS Code, Copilot, Copilot CLI): {@code GET {url}/v0.1/servers/{name}/versions/latest}
 *       with {@code Accept: application/json} for each configured server; a 404 blocks it, and a configured remote
 *       must be one of that version's {@code remotes[].url}, exactly.
 *   <li>A browser page (GitHub's registry settings) reading the API from another origin: preflight, then GET.
 * </ul>
 */
class ClientSequencesEndToEndTest {

    @RegisterExtension
    static final RunningRegistry registry =
            RunningRegistry.standard().withLimits(ServeSettings.limits(new Environment(Map.of("RATE_LIMITS", "off"))));

    private static final String SUBMITTER = "Vera Vscode";

    @Test
    void vs_code_pages_through_a_search_and_every_page_stays_within_it() {
        String term = "galleon" + System.nanoTime();
        List<String> matching = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            matching.add(approved(Submissions.uniqueName(term + "-ledger")));
        }
        for (int i = 0; i < 60; i++) {
            approved(Submissions.uniqueName("unrelated-" + i));
        }
        String base = registry.uri("").toString().replaceAll("/$", "");

        // The probe of the API version, then the first page of the search.
        assertThat(send(base + "/v0.1/servers?limit=1").statusCode()).isEqualTo(200);
        JsonNode page = json(send(base + "/v0.1/servers?limit=50&version=latest&search=" + term));
        List<String> seen = new ArrayList<>(names(page));
        int pages = 1;
        while (page.path("metadata").has("nextCursor")) {
            // As VS Code: the same query without search, the cursor appended as it came.
            page = json(send(base + "/v0.1/servers?limit=50&version=latest&cursor="
                    + page.path("metadata").path("nextCursor").asText()));
            seen.addAll(names(page));
            pages++;
        }

        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(matching);
    }

    @Test
    void a_next_page_that_states_another_search_is_refused_rather_than_mixed() {
        String term = "frigate" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            approved(Submissions.uniqueName(term));
        }
        JsonNode first =
                json(send(registry.uri("/v0.1/servers?limit=2&search=" + term).toString()));
        String cursor = first.path("metadata").path("nextCursor").asText();

        HttpResponse<String> other = send(registry.uri("/v0.1/servers?limit=2&search=weather&cursor=" + cursor)
                .toString());
        HttpResponse<String> same = send(registry.uri("/v0.1/servers?limit=2&search=" + term + "&cursor=" + cursor)
                .toString());

        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(json(other).path("error").asText()).contains("cursor").contains("search=" + term);
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(names(json(same))).hasSize(1);
    }

    @Test
    void a_registry_only_lookup_finds_a_deprecated_server_shown_as_deprecated_and_loses_it_only_when_deleted() {
        String name = Submissions.uniqueName("registry-only");
        JsonNode registration = Submissions.approve(
                registry, Submissions.submit(registry, registry.userToken(SUBMITTER), Submissions.of(name)));
        String latest = "/v0.1/servers/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/versions/latest";

        assertThat(lookup(latest).statusCode()).isEqualTo(200);

        Submissions.review(registry, registration, "Deprecated", "Replaced by ledger-next");
        HttpResponse<String> deprecated = lookup(latest);

        assertThat(deprecated.statusCode()).isEqualTo(200);
        JsonNode official = json(deprecated).path("_meta").path("io.modelcontextprotocol.registry/official");
        assertThat(official.path("status").asText()).isEqualTo("deprecated");
        assertThat(official.path("isLatest").asBoolean()).isTrue();
        assertThat(official.path("statusMessage").asText()).isEqualTo("Replaced by ledger-next");

        HttpResponse<String> deleted = registry.delete(Submissions.pathOf(registration), registry.adminToken());
        assertThat(deleted.statusCode()).as(deleted.body()).isIn(200, 204);

        assertThat(lookup(latest).statusCode()).isEqualTo(404);
    }

    @Test
    void the_url_a_user_configures_from_the_install_snippet_is_exactly_the_one_registry_only_matches() {
        String name = Submissions.uniqueName("exact-url");
        // Spelt as its owner spells it: upper-case host, default port, trailing slash, a query.
        String endpoint = "https://MCP.Contoso.example:443/" + name.replace('/', '-') + "/mcp/?tenant=finance";
        JsonNode registration = Submissions.approve(
                registry,
                Submissions.submit(registry, registry.userToken(SUBMITTER), Submissions.of(name, "1.0.0", endpoint)));

        JsonNode detail = json(registry.get(Submissions.pathOf(registration), registry.userToken(SUBMITTER)));
        JsonNode install = detail.path("install").get(0);
        JsonNode latest =
                json(lookup("/v0.1/servers/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/versions/latest"));

        String published =
                latest.path("server").path("remotes").get(0).path("url").asText();
        assertThat(published).as("kept exactly as approved").isEqualTo(endpoint);
        assertThat(install.path("remote").asText()).isEqualTo(endpoint);
        assertThat(install.path("vscode").path("servers").path(name).path("url").asText())
                .isEqualTo(endpoint);
        assertThat(install.path("vscode")
                        .path("servers")
                        .path(name)
                        .path("type")
                        .asText())
                .isEqualTo("http");
        assertThat(install.path("copilotCli")
                        .path("mcpServers")
                        .path(name)
                        .path("url")
                        .asText())
                .isEqualTo(endpoint);
        assertThat(install.path("claudeCode").asText())
                .isEqualTo("claude mcp add --transport http '" + name.substring(name.indexOf('/') + 1) + "' '"
                        + endpoint + "'");
    }

    @Test
    void a_browser_on_another_origin_may_read_the_api_with_the_headers_github_documents() {
        String name = approved(Submissions.uniqueName("browser"));
        String path = "/v0.1/servers/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/versions/latest";

        HttpResponse<String> preflight = registry.send(HttpRequest.newBuilder(registry.uri(path))
                .header("Origin", "https://github.com")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> get = registry.send(HttpRequest.newBuilder(registry.uri(path))
                .header("Origin", "https://github.com")
                .header("Content-Type", "application/json")
                .GET());

        assertThat(preflight.statusCode()).isEqualTo(204);
        for (HttpResponse<String> answer : List.of(preflight, get)) {
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                    .contains("*");
            assertThat(answer.headers().firstValue("Access-Control-Allow-Methods"))
                    .contains("GET, OPTIONS");
            assertThat(answer.headers().firstValue("Access-Control-Allow-Headers"))
                    .hasValueSatisfying(allowed -> assertThat(allowed).contains("Authorization, Content-Type"));
        }
        assertThat(get.statusCode()).isEqualTo(200);
    }

    @Test
    void the_base_url_mistakes_of_client_settings_are_answered_with_the_right_base_url() {
        String base = registry.uri("").toString().replaceAll("/$", "");

        // A trailing slash: VS Code drops it; the API's own path, with or without one, says what to enter.
        for (String index : List.of(base + "/v0.1", base + "/v0.1/")) {
            HttpResponse<String> answered = send(index);
            assertThat(answered.statusCode()).as(index).isEqualTo(200);
            assertThat(json(answered).path("baseUrl").asText()).isEqualTo(base);
        }
        // A base URL that already ends in /v0.1: VS Code's probe of the API version.
        // (Answered in the registry API's error shape, as every /v0.1 path: no operation of the document describes it.)
        HttpResponse<String> probe =
                registry.sendUnchecked(HttpRequest.newBuilder(java.net.URI.create(base + "/v0.1/v0.1/servers?limit=1"))
                        .GET()
                        .build());
        assertThat(probe.statusCode()).isEqualTo(404);
        assertThat(json(probe).path("error").asText()).contains("base URL is " + base);
    }

    // ---- helpers ----

    private static String approved(String name) {
        Submissions.approve(
                registry, Submissions.submit(registry, registry.userToken(SUBMITTER), Submissions.of(name)));
        return name;
    }

    private static HttpResponse<String> send(String url) {
        return registry.send(HttpRequest.newBuilder(java.net.URI.create(url)).GET());
    }

    /** As registry-only enforcement looks a configured server up. */
    private static HttpResponse<String> lookup(String path) {
        return registry.send(HttpRequest.newBuilder(registry.uri(path))
                .header("Accept", "application/json")
                .GET());
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("servers")
                .forEach(entry -> names.add(entry.path("server").path("name").asText()));
        return names;
    }
}
