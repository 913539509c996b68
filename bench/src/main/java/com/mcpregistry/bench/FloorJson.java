package com.mcpregistry.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.domain.checks.RegistrationHealth;
import com.mcpregistry.domain.checks.RemoteStatus;
import com.mcpregistry.domain.registration.Action;
import com.mcpregistry.http.publication.ServerListJson;
import com.mcpregistry.http.shared.Milliseconds;
import com.mcpregistry.publication.PublishedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The floor's answers, written field by field with Jackson's streaming {@link JsonGenerator}: the bytes serve writes
 * for the same rows (RegistrationJson with HealthJson and InstallSnippetsJson, PageJson, ServerListJson), without
 * building a response object first. Install snippets are written for what bench/sql/seed.sql makes: remotes without
 * headers or variables, npm packages without arguments; bench/run compares every answer with serve's, byte for byte.
 */
final class FloorJson {

    /** Reads server.json as stored; its generators write trees (an unknown part of a document) as they are. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** How ServerJsonWriter orders an object's fields, and the objects in some of them (an array's alike). */
    private record Order(List<String> fields, Map<String, Order> inside) {}

    private static final Order REPOSITORY = new Order(List.of("url", "source", "subfolder", "id"), Map.of());
    private static final Order TRANSPORT = new Order(List.of("type", "url", "headers"), Map.of());
    private static final Order PACKAGE = new Order(
            List.of(
                    "registryType",
                    "registryBaseUrl",
                    "identifier",
                    "version",
                    "fileSha256",
                    "runtimeHint",
                    "transport",
                    "runtimeArguments",
                    "packageArguments",
                    "environmentVariables"),
            Map.of("transport", TRANSPORT));
    private static final Order REMOTE = new Order(List.of("type", "url", "headers", "variables"), Map.of());
    private static final Order SERVER = new Order(
            List.of(
                    "$schema",
                    "name",
                    "description",
                    "title",
                    "version",
                    "websiteUrl",
                    "repository",
                    "icons",
                    "packages",
                    "remotes",
                    "_meta"),
            Map.of("repository", REPOSITORY, "packages", PACKAGE, "remotes", REMOTE));

    private FloorJson() {}

    /** {@code GET /registrations}: a page of the seed API, {@code next} the cursor of the next page. */
    static byte[] registrations(
            List<StoredRegistration> shown,
            Map<UUID, List<Action>> can,
            Map<UUID, RegistrationHealth> health,
            Optional<String> next) {
        return write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("items");
            for (StoredRegistration registration : shown) {
                registration(json, registration, can.get(registration.id()), health.get(registration.id()), false);
            }
            json.writeEndArray();
            json.writeFieldName("next_cursor");
            if (next.isPresent()) {
                json.writeString(next.get());
            } else {
                json.writeNull();
            }
            json.writeEndObject();
        });
    }

    /** {@code GET /registrations/{id}}: one registration, with its install snippets. */
    static byte[] registration(StoredRegistration registration, List<Action> can, RegistrationHealth health) {
        return write(json -> registration(json, registration, can, health, true));
    }

    /** {@code GET /v0.1/servers}: a page of the catalogue, {@code next} the cursor of the next page. */
    static byte[] servers(List<StoredRegistration> shown, Map<UUID, RegistrationHealth> health, Optional<String> next) {
        return write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("servers");
            for (StoredRegistration version : shown) {
                catalogueEntry(json, version, health.get(version.id()));
            }
            json.writeEndArray();
            json.writeObjectFieldStart("metadata");
            if (next.isPresent()) {
                json.writeStringField("nextCursor", next.get());
            }
            json.writeNumberField("count", shown.size());
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** RegistrationJson: the seed's fields, the whole server.json, what the reader may do, health; install if asked. */
    private static void registration(
            JsonGenerator json, StoredRegistration r, List<Action> can, RegistrationHealth health, boolean withInstall)
            throws IOException {
        ObjectNode document = r.document();
        JsonNode remotes = document.path("remotes");
        boolean onlyRemote = remotes.size() == 1 && document.path("packages").isEmpty();
        json.writeStartObject();
        json.writeStringField("registration_id", r.id().toString());
        json.writeStringField("server_name", r.serverName());
        json.writeStringField("version", r.version());
        text(json, "title", document.get("title"));
        json.writeStringField("description", document.path("description").asText());
        if (onlyRemote) {
            json.writeStringField("endpoint_url", remotes.get(0).path("url").asText());
            json.writeStringField("transport", remotes.get(0).path("type").asText());
        }
        optional(json, "owner_contact", r.ownerContact());
        text(json, "repository_url", document.path("repository").get("url"));
        text(json, "documentation_url", document.get("websiteUrl"));
        strings(json, "tags", r.tags());
        json.writeFieldName("server");
        ordered(json, document, SERVER);
        json.writeStringField("submitter_id", r.submitterId().toString());
        json.writeStringField("status", r.status());
        optional(json, "status_reason", r.statusReason());
        optional(json, "reviewed_by", r.reviewedBy().map(UUID::toString));
        optional(json, "reviewed_at", r.reviewedAt().map(Instant::toString));
        json.writeStringField("created_at", r.createdAt().toString());
        json.writeStringField("updated_at", r.updatedAt().toString());
        json.writeNumberField("row_version", r.rowVersion());
        strings(json, "can", can.stream().map(Action::wireName).toList());
        json.writeObjectFieldStart("health");
        status(json, health, "checked_at", "latency_ms");
        json.writeArrayFieldStart("remotes");
        for (RemoteStatus remote : health.remotes()) {
            json.writeStartObject();
            json.writeStringField("url", remote.remoteUrl());
            json.writeStringField("status", remote.health().wireName());
            optional(json, "checked_at", remote.checkedAt().map(Instant::toString));
            if (remote.latency().isPresent()) {
                json.writeNumberField(
                        "latency_ms", Milliseconds.of(remote.latency().get()));
            }
            json.writeBooleanField("drift", remote.drifted());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        if (withInstall) {
            json.writeArrayFieldStart("install");
            for (StoredRegistration.Remote remote : r.remotes()) {
                remoteSnippets(json, r.serverName(), remote);
            }
            for (JsonNode pkg : document.path("packages")) {
                packageSnippets(json, r.serverName(), pkg);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /** HealthJson's and HealthMeta's first fields: the most worrying status, the latest check, drift. */
    private static void status(
            JsonGenerator json, RegistrationHealth health, String checkedAtField, String latencyField)
            throws IOException {
        json.writeStringField("status", health.health().wireName());
        optional(json, checkedAtField, health.checkedAt().map(Instant::toString));
        if (health.latency().isPresent()) {
            json.writeNumberField(latencyField, Milliseconds.of(health.latency().get()));
        }
        json.writeBooleanField("drift", health.drifted());
    }

    /** ServerResponseJson: the server.json and {@code _meta} with the official, registration and health keys. */
    private static void catalogueEntry(JsonGenerator json, StoredRegistration r, RegistrationHealth health)
            throws IOException {
        StoredRegistration.Publication published = r.published().orElseThrow();
        PublishedServer.Status status = r.deletedAt().isPresent()
                ? PublishedServer.Status.DELETED
                : r.status().equals("Deprecated") ? PublishedServer.Status.DEPRECATED : PublishedServer.Status.ACTIVE;
        json.writeStartObject();
        json.writeFieldName("server");
        ordered(json, r.document(), SERVER);
        json.writeObjectFieldStart("_meta");
        json.writeObjectFieldStart(ServerListJson.OFFICIAL_META);
        json.writeStringField("status", status.wireName());
        optional(
                json,
                "statusMessage",
                status == PublishedServer.Status.DEPRECATED ? r.statusReason() : Optional.empty());
        json.writeStringField(
                "statusChangedAt",
                r.deletedAt().or(r::reviewedAt).orElse(published.at()).toString());
        json.writeStringField("publishedAt", published.at().toString());
        json.writeStringField("updatedAt", r.updatedAt().toString());
        json.writeBooleanField("isLatest", published.latest());
        json.writeEndObject();
        json.writeObjectFieldStart(ServerListJson.REGISTRATION_META);
        json.writeStringField("registrationId", r.id().toString());
        optional(json, "reviewedAt", r.reviewedAt().map(Instant::toString));
        strings(json, "tags", r.tags());
        optional(json, "ownerContact", r.ownerContact());
        json.writeEndObject();
        json.writeObjectFieldStart(ServerListJson.HEALTH_META);
        status(json, health, "checkedAt", "latencyMs");
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** InstallSnippetsJson of a remote without headers or variables. */
    private static void remoteSnippets(JsonGenerator json, String serverName, StoredRegistration.Remote remote)
            throws IOException {
        String type = remote.type().equals("sse") ? "sse" : "http";
        json.writeStartObject();
        json.writeStringField("remote", remote.url());
        json.writeStringField("transport", remote.type());
        json.writeObjectFieldStart("vscode");
        json.writeObjectFieldStart("servers");
        json.writeObjectFieldStart(serverName);
        json.writeStringField("type", "http");
        json.writeStringField("url", remote.url());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeObjectFieldStart("copilotCli");
        json.writeObjectFieldStart("mcpServers");
        json.writeObjectFieldStart(serverName);
        json.writeStringField("type", type);
        json.writeStringField("url", remote.url());
        strings(json, "tools", List.of("*"));
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeStringField(
                "claudeCode",
                "claude mcp add --transport " + type + " " + quoted(shortName(serverName)) + " "
                        + quoted(remote.url()));
        json.writeEndObject();
    }

    /** InstallSnippetsJson of an npm package without arguments or environment variables: {@code npx name@version}. */
    private static void packageSnippets(JsonGenerator json, String serverName, JsonNode pkg) throws IOException {
        if (!pkg.path("registryType").asText().equals("npm")
                || pkg.has("registryBaseUrl")
                || pkg.has("runtimeArguments")
                || pkg.has("packageArguments")
                || pkg.has("environmentVariables")) {
            throw new IllegalStateException("the floor writes install snippets of plain npm packages only");
        }
        String identifier = pkg.path("identifier").asText();
        String versioned =
                identifier + (pkg.has("version") ? "@" + pkg.path("version").asText() : "");
        json.writeStartObject();
        json.writeStringField("package", "npm " + identifier);
        json.writeStringField("transport", "stdio");
        json.writeObjectFieldStart("vscode");
        json.writeObjectFieldStart("servers");
        json.writeObjectFieldStart(serverName);
        json.writeStringField("type", "stdio");
        json.writeStringField("command", "npx");
        strings(json, "args", List.of(versioned));
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeObjectFieldStart("copilotCli");
        json.writeObjectFieldStart("mcpServers");
        json.writeObjectFieldStart(serverName);
        json.writeStringField("type", "local");
        json.writeStringField("command", "npx");
        strings(json, "args", List.of(versioned));
        strings(json, "tools", List.of("*"));
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeStringField(
                "claudeCode",
                "claude mcp add " + quoted(shortName(serverName)) + " -- " + quoted("npx") + " " + quoted(versioned));
        json.writeEndObject();
    }

    /**
     * {@code node}'s fields in {@code order}'s order, then any others as stored (serve would not write those: the
     * comparison with serve's answer shows it); objects inside as their own order says, anything else as it is.
     */
    private static void ordered(JsonGenerator json, JsonNode node, Order order) throws IOException {
        if (node.isArray()) {
            json.writeStartArray();
            for (JsonNode element : node) {
                ordered(json, element, order);
            }
            json.writeEndArray();
            return;
        }
        if (!node.isObject()) {
            json.writeTree(node);
            return;
        }
        json.writeStartObject();
        for (String field : order.fields()) {
            JsonNode value = node.get(field);
            if (value != null) {
                json.writeFieldName(field);
                Order inside = order.inside().get(field);
                if (inside == null) {
                    json.writeTree(value);
                } else {
                    ordered(json, value, inside);
                }
            }
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!order.fields().contains(field.getKey())) {
                json.writeFieldName(field.getKey());
                json.writeTree(field.getValue());
            }
        }
        json.writeEndObject();
    }

    private static void text(JsonGenerator json, String field, JsonNode value) throws IOException {
        if (value != null && value.isTextual()) {
            json.writeStringField(field, value.asText());
        }
    }

    private static void optional(JsonGenerator json, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(field, value.get());
        }
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** The name after the namespace, as InstallSnippetsJson names the server for Claude Code. */
    private static String shortName(String serverName) {
        return serverName.substring(serverName.indexOf('/') + 1);
    }

    /** One shell word, as InstallSnippetsJson quotes it. */
    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayBuilder bytes = new ByteArrayBuilder();
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(bytes)) {
            body.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
