package com.mcpregistry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.domain.checks.Health;
import com.mcpregistry.domain.checks.RegistrationHealth;
import com.mcpregistry.domain.checks.RemoteStatus;
import com.mcpregistry.domain.registration.Action;
import com.mcpregistry.domain.serverjson.ServerDocument;
import com.mcpregistry.http.checks.HealthJson;
import com.mcpregistry.http.publication.ServerListJson;
import com.mcpregistry.http.serverjson.InstallSnippetsJson;
import com.mcpregistry.http.serverjson.ServerJsonReader;
import com.mcpregistry.http.serverjson.ServerJsonWriter;
import com.mcpregistry.http.shared.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The floor's answers against serve's: answers serve gave in a benchmark run (src/test/resources/serve/), the floor
 * given the rows they were made from; and documents of other shapes against serve's own writers.
 */
class FloorJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_page_of_the_seed_api_is_serves_to_the_byte() throws IOException {
        byte[] serve = recorded("registrations-approved.json");
        List<StoredRegistration> shown = new ArrayList<>();
        for (JsonNode item : JSON.readTree(serve).get("items")) {
            shown.add(fromSeedApi(item));
        }

        byte[] floor = FloorJson.registrations(
                shown,
                nothingFor(shown),
                health(shown),
                Optional.of(shown.get(shown.size() - 1).seedCursor()));

        assertThat(text(floor)).isEqualTo(text(serve));
    }

    @Test
    void one_registration_with_its_install_snippets_is_serves_to_the_byte() throws IOException {
        for (String answer : List.of("registration.json", "registration-with-package.json")) {
            byte[] serve = recorded(answer);
            StoredRegistration registration = fromSeedApi(JSON.readTree(serve));

            byte[] floor = FloorJson.registration(registration, List.of(), registration.health(Map.of()));

            assertThat(text(floor)).as(answer).isEqualTo(text(serve));
        }
    }

    @Test
    void a_page_of_the_catalogue_is_serves_to_the_byte() throws IOException {
        byte[] serve = recorded("servers.json");
        List<StoredRegistration> shown = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(serve).get("servers")) {
            shown.add(fromCatalogue(entry));
        }

        byte[] floor = FloorJson.servers(
                shown, health(shown), Optional.of(shown.get(shown.size() - 1).catalogueCursor()));

        assertThat(text(floor)).isEqualTo(text(serve));
    }

    @Test
    void server_json_and_install_snippets_of_other_shapes_are_what_serves_writers_make() throws IOException {
        for (String document : List.of("""
                {"name": "com.example/sse", "title": "SSE", "$schema": "%s", "remotes": [{"url": "https://sse.example/mcp",
                 "type": "sse"}], "version": "2.0.0", "description": "It's an 'SSE' server"}""", """
                {"name": "com.example/two", "$schema": "%s", "remotes": [{"url": "https://a.example/mcp", "type":
                 "streamable-http"}, {"url": "https://b.example/sse", "type": "sse"}], "version": "1.0.0", "packages":
                 [{"version": "1.0.0", "transport": {"type": "stdio"}, "identifier": "two", "registryType": "npm"}],
                 "repository": {"id": "r-1", "url": "https://github.com/example/two", "source": "github", "subfolder": "srv"},
                 "websiteUrl": "https://docs.example/two", "description": "Two remotes and a package"}""")) {
            JsonNode stored = JSON.readTree(document.formatted(ServerJsonWriter.SCHEMA_URL));
            ServerDocument parsed = ServerJsonReader.read(stored);
            StoredRegistration registration = registration((ObjectNode) stored);

            String floor = text(FloorJson.registration(registration, List.of(), registration.health(Map.of())));

            assertThat(floor)
                    .contains("\"server\":" + Json.write(ServerJsonWriter.write(parsed)) + ",\"submitter_id\":")
                    .endsWith("\"install\":" + Json.write(InstallSnippetsJson.of(parsed)) + "}");
        }
    }

    @Test
    void health_is_what_serve_writes_for_checked_remotes_and_unchecked_ones() throws IOException {
        JsonNode stored = JSON.readTree("""
                {"name": "com.example/two", "$schema": "%s", "remotes": [{"url": "https://a.example/mcp", "type":
                 "streamable-http"}, {"url": "https://b.example/mcp", "type": "sse"}, {"url": "https://c.example/mcp",
                 "type": "sse"}], "version": "1.0.0", "description": "Three remotes"}""".formatted(ServerJsonWriter.SCHEMA_URL));
        StoredRegistration registration = registration((ObjectNode) stored);
        Instant checked = Instant.parse("2026-12-02T10:15:30.123456Z");
        RegistrationHealth health = registration.health(Map.of(
                registration.id(),
                List.of(
                        new RemoteStatus(
                                "https://c.example/mcp",
                                Health.HEALTHY,
                                Optional.of(checked),
                                Optional.of(Duration.ofNanos(42_125_000)),
                                true),
                        new RemoteStatus(
                                "https://a.example/mcp",
                                Health.REQUIRES_AUTH,
                                Optional.of(checked.minusSeconds(60)),
                                Optional.of(Duration.ofMillis(7)),
                                false))));

        String floor = text(FloorJson.registration(registration, List.of(), health));

        assertThat(health.health()).isEqualTo(Health.UNKNOWN);
        assertThat(floor).contains("\"health\":" + Json.write(HealthJson.of(health)) + ",\"install\":");
    }

    /** What the benchmark's users may do with each of {@code shown}: nothing. */
    private static Map<UUID, List<Action>> nothingFor(List<StoredRegistration> shown) {
        Map<UUID, List<Action>> can = new HashMap<>();
        shown.forEach(registration -> can.put(registration.id(), List.of()));
        return can;
    }

    /** Their remotes unchecked, as in a benchmark run. */
    private static Map<UUID, RegistrationHealth> health(List<StoredRegistration> shown) {
        Map<UUID, RegistrationHealth> health = new HashMap<>();
        shown.forEach(registration -> health.put(registration.id(), registration.health(Map.of())));
        return health;
    }

    /** The row an item of the seed API was written from: its document as PostgreSQL keeps it. */
    private static StoredRegistration fromSeedApi(JsonNode item) {
        assertThat(item.get("can"))
                .as("the benchmark's users own none of the seeded servers")
                .isEmpty();
        return new StoredRegistration(
                UUID.fromString(item.get("registration_id").asText()),
                asJsonb(item.get("server")),
                optional(item, "owner_contact"),
                strings(item.get("tags")),
                UUID.fromString(item.get("submitter_id").asText()),
                item.get("status").asText(),
                optional(item, "status_reason"),
                optional(item, "reviewed_by").map(UUID::fromString),
                optional(item, "reviewed_at").map(Instant::parse),
                Instant.parse(item.get("created_at").asText()),
                Instant.parse(item.get("updated_at").asText()),
                item.get("row_version").asLong(),
                Optional.empty(),
                Optional.empty());
    }

    /** The row an entry of the catalogue was written from (what the entry does not show is made up). */
    private static StoredRegistration fromCatalogue(JsonNode entry) {
        JsonNode official = entry.get("_meta").get(ServerListJson.OFFICIAL_META);
        JsonNode registration = entry.get("_meta").get(ServerListJson.REGISTRATION_META);
        Instant publishedAt = Instant.parse(official.get("publishedAt").asText());
        return new StoredRegistration(
                UUID.fromString(registration.get("registrationId").asText()),
                asJsonb(entry.get("server")),
                optional(registration, "ownerContact"),
                strings(registration.get("tags")),
                UUID.randomUUID(),
                official.get("status").asText().equals("deprecated") ? "Deprecated" : "Approved",
                optional(official, "statusMessage"),
                Optional.of(UUID.randomUUID()),
                optional(registration, "reviewedAt").map(Instant::parse),
                publishedAt,
                Instant.parse(official.get("updatedAt").asText()),
                2,
                Optional.empty(),
                Optional.of(new StoredRegistration.Publication(
                        publishedAt, official.get("isLatest").asBoolean())));
    }

    /** An approved registration of {@code document}, submitted and reviewed at one time. */
    private static StoredRegistration registration(ObjectNode document) {
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        return new StoredRegistration(
                UUID.randomUUID(),
                document,
                Optional.empty(),
                List.of("bench"),
                UUID.randomUUID(),
                "Approved",
                Optional.empty(),
                Optional.of(UUID.randomUUID()),
                Optional.of(at),
                at,
                at,
                2,
                Optional.empty(),
                Optional.empty());
    }

    /** {@code node} with every object's fields in jsonb's order: shorter names first, then by their bytes. */
    private static ObjectNode asJsonb(JsonNode node) {
        return (ObjectNode) jsonbOrder(node);
    }

    private static JsonNode jsonbOrder(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = JSON.createArrayNode();
            node.forEach(element -> array.add(jsonbOrder(element)));
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = JSON.createObjectNode();
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        names.forEach(name -> object.set(name, jsonbOrder(node.get(name))));
        return object;
    }

    private static Optional<String> optional(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).map(JsonNode::asText);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static byte[] recorded(String answer) throws IOException {
        try (InputStream in = FloorJsonTest.class.getResourceAsStream("/serve/" + answer)) {
            return in.readAllBytes();
        }
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
