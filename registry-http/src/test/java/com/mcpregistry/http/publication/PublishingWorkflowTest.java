package com.mcpregistry.http.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.api.StartedApi;
import com.mcpregistry.http.api.StubTokens;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the MCP Registry API shows as registrations go through the whole workflow, driven through the real API as
 * submitters and administrators use it (in-memory adapters; {@code PublishingOnPostgresTest} proves the same rules
 * on PostgreSQL). Every answer is checked against the official documents.
 */
class PublishingWorkflowTest {

    private StartedApi api;
    private RegistryClient registry;

    @BeforeEach
    void start() {
        api = StartedApi.start(new ApiSettings(List.of()), new StubTokens());
        registry = new RegistryClient(api);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private JsonNode official(JsonNode entry) {
        return entry.path("_meta").path("io.modelcontextprotocol.registry/official");
    }

    private List<String> catalogue(String query) {
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : all("/v0.1/servers?limit=100" + query)) {
            entries.add(entry.path("server").path("name").asText() + "@"
                    + entry.path("server").path("version").asText()
                    + " " + official(entry).path("status").asText()
                    + (official(entry).path("isLatest").asBoolean() ? " latest" : ""));
        }
        return entries;
    }

    /** Every entry of a list, page after page. */
    private List<JsonNode> all(String first) {
        List<JsonNode> entries = new ArrayList<>();
        JsonNode page = registry.read(first);
        page.path("servers").forEach(entries::add);
        while (page.path("metadata").has("nextCursor")) {
            page = registry.read(first + "&cursor="
                    + encoded(page.path("metadata").path("nextCursor").asText()));
            page.path("servers").forEach(entries::add);
        }
        return entries;
    }

    @Test
    void a_server_is_listed_from_its_approval_and_follows_every_later_step() {
        String tools = "com.contoso/tools";
        String latestPath = "/v0.1/servers/" + encoded(tools) + "/versions/latest";

        String one = registry.submit(tools, "1.0.0");
        assertThat(catalogue("&include_deleted=true")).as("submitted").isEmpty();
        assertThat(registry.get(latestPath).statusCode()).isEqualTo(404);

        registry.review(one, "Approved");
        assertThat(catalogue("")).as("approved").containsExactly(tools + "@1.0.0 active latest");
        assertThat(registry.read(latestPath).path("server").path("version").asText())
                .isEqualTo("1.0.0");

        String two = registry.approved(tools, "2.0.0");
        assertThat(catalogue(""))
                .as("newer version approved")
                .containsExactly(tools + "@1.0.0 active", tools + "@2.0.0 active latest");
        assertThat(registry.read(latestPath).path("server").path("version").asText())
                .isEqualTo("2.0.0");

        registry.review(two, "Deprecated");
        assertThat(catalogue(""))
                .as("deprecated: still the latest, as in the official registry")
                .containsExactly(tools + "@1.0.0 active", tools + "@2.0.0 deprecated latest");
        assertThat(registry.read(latestPath).path("server").path("version").asText())
                .isEqualTo("2.0.0");
        JsonNode deprecated = registry.read("/v0.1/servers/" + encoded(tools) + "/versions/2.0.0");
        assertThat(official(deprecated).path("statusMessage").asText()).isEqualTo("Replaced by a newer version");

        registry.delete(one);
        assertThat(catalogue("")).as("deleted").containsExactly(tools + "@2.0.0 deprecated latest");
        assertThat(catalogue("&include_deleted=true"))
                .containsExactly(tools + "@1.0.0 deleted", tools + "@2.0.0 deprecated latest");
        assertThat(official(registry.read(latestPath)).path("status").asText())
                .as("a deprecated latest version is still found, shown as deprecated")
                .isEqualTo("deprecated");

        registry.delete(two);
        assertThat(registry.get(latestPath).statusCode())
                .as("only deletion takes a server out of the lookups")
                .isEqualTo(404);

        String rejected = registry.submit("com.contoso/rejected", "1.0.0");
        registry.review(rejected, "Rejected");
        registry.submit("com.contoso/pending", "1.0.0");
        assertThat(catalogue("&include_deleted=true"))
                .as("pending and rejected never appear")
                .hasSize(2);
    }

    @Test
    void paging_through_250_servers_while_others_are_approved_shows_each_exactly_once() {
        Set<String> before = new HashSet<>();
        for (int i = 0; i < 250; i++) {
            String name = String.format("com.contoso/server-%03d", i * 2 + 1);
            registry.approved(name, "1.0.0");
            before.add(name);
        }

        List<String> seen = new ArrayList<>();
        Set<String> approvedMeanwhile = new HashSet<>();
        String first = "/v0.1/servers?limit=17";
        JsonNode page = registry.read(first);
        int pages = 1;
        while (true) {
            page.path("servers")
                    .forEach(entry -> seen.add(entry.path("server").path("name").asText()));
            // Between pages, servers are approved before, at and after the reader's position.
            for (int offset : new int[] {-1, 0, 1}) {
                String name = String.format("com.contoso/server-%03d", pages * 33 + offset * 30);
                if (!before.contains(name) && approvedMeanwhile.add(name)) {
                    registry.approved(name, "1.0.0");
                }
            }
            if (!page.path("metadata").has("nextCursor")) {
                break;
            }
            page = registry.read(first + "&cursor="
                    + encoded(page.path("metadata").path("nextCursor").asText()));
            pages++;
        }

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(before);
        assertThat(seen).isSorted();
        assertThat(approvedMeanwhile).isNotEmpty();
        assertThat(pages).isGreaterThanOrEqualTo(250 / 17);
    }

    @Test
    void updated_since_returns_exactly_the_changes_after_a_point() {
        String ledger = registry.approved("com.contoso/ledger", "1.0.0");
        String weather = registry.approved("com.contoso/weather", "1.0.0");
        registry.approved("com.contoso/stable", "1.0.0");
        registry.approved("com.contoso/tools", "1.0.0");
        // A mirror's high-water mark: the latest updatedAt of a full sync.
        Instant point = all("/v0.1/servers?limit=2&updated_since=1970-01-01T00:00:00Z").stream()
                .map(entry -> Instant.parse(official(entry).path("updatedAt").asText()))
                .max(Instant::compareTo)
                .orElseThrow();

        registry.approved("com.contoso/tools", "1.1.0");
        registry.review(weather, "Deprecated");
        registry.delete(ledger);
        registry.submit("com.contoso/pending", "1.0.0");
        registry.approved("com.contoso/new", "0.1.0");

        Map<String, String> changes = new LinkedHashMap<>();
        for (JsonNode entry : all("/v0.1/servers?limit=2&updated_since=" + point)) {
            changes.put(
                    entry.path("server").path("name").asText() + "@"
                            + entry.path("server").path("version").asText(),
                    official(entry).path("status").asText()
                            + (official(entry).path("isLatest").asBoolean() ? " latest" : ""));
            assertThat(Instant.parse(official(entry).path("updatedAt").asText()))
                    .isAfter(point);
        }

        assertThat(changes)
                .containsOnly(
                        Map.entry("com.contoso/tools@1.1.0", "active latest"),
                        Map.entry("com.contoso/tools@1.0.0", "active"),
                        Map.entry("com.contoso/weather@1.0.0", "deprecated latest"),
                        Map.entry("com.contoso/ledger@1.0.0", "deleted"),
                        Map.entry("com.contoso/new@0.1.0", "active latest"));
        HttpResponse<String> nothingNew =
                registry.get("/v0.1/servers?updated_since=" + Instant.now().plusSeconds(60));
        assertThat(RegistryClient.json(nothingNew.body()).path("servers").size())
                .isZero();
    }
}
