package com.mcpregistry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.domain.checks.RegistrationHealth;
import com.mcpregistry.domain.checks.RemoteStatus;
import com.mcpregistry.paging.Cursor;
import com.mcpregistry.postgres.shared.Timestamps;
import com.mcpregistry.publication.ServerListCursor;
import com.mcpregistry.publication.ServerListFilters;
import com.mcpregistry.publication.ServerListToken;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A registration as the floor reads it from the columns of the registry's own statements (JdbiRegistrationRepository,
 * JdbiPublishedServers): its server.json parsed as JSON, never read into the registry's domain types.
 *
 * @param published when and whether it is its server's latest version, for a row of the catalogue's statement
 */
record StoredRegistration(
        UUID id,
        ObjectNode document,
        Optional<String> ownerContact,
        List<String> tags,
        UUID submitterId,
        String status,
        Optional<String> statusReason,
        Optional<UUID> reviewedBy,
        Optional<Instant> reviewedAt,
        Instant createdAt,
        Instant updatedAt,
        long rowVersion,
        Optional<Instant> deletedAt,
        Optional<Publication> published) {

    /** When a registration was first approved, and whether it is its server's latest version. */
    record Publication(Instant at, boolean latest) {}

    /** A remote of the document: its URL and transport ({@code type}). */
    record Remote(String url, String type) {}

    /** The row {@code rows} is on; {@code published}: the catalogue's statement, with its two columns more. */
    static StoredRegistration read(ResultSet rows, ObjectMapper json, boolean published)
            throws SQLException, IOException {
        return new StoredRegistration(
                rows.getObject("id", UUID.class),
                (ObjectNode) json.readTree(rows.getString("server_json")),
                Optional.ofNullable(rows.getString("owner_contact")),
                List.of((String[]) rows.getArray("tags").getArray()),
                rows.getObject("submitter_id", UUID.class),
                rows.getString("status"),
                Optional.ofNullable(rows.getString("status_reason")),
                Optional.ofNullable(rows.getObject("reviewed_by", UUID.class)),
                Timestamps.readOptional(rows, "reviewed_at"),
                Timestamps.read(rows, "created_at"),
                Timestamps.read(rows, "updated_at"),
                rows.getLong("row_version"),
                Timestamps.readOptional(rows, "deleted_at"),
                published
                        ? Optional.of(
                                new Publication(Timestamps.read(rows, "published_at"), rows.getBoolean("is_latest")))
                        : Optional.empty());
    }

    String serverName() {
        return document.path("name").asText();
    }

    String version() {
        return document.path("version").asText();
    }

    /** The seed API's cursor of a page that ends with this registration (newest first: Page, Cursor). */
    String seedCursor() {
        return new Cursor(createdAt, id).encode();
    }

    /** The catalogue's cursor of a page that ends with this version (in name order, unfiltered: PublishedServerPage). */
    String catalogueCursor() {
        return new ServerListToken(new ServerListCursor.ByName(serverName(), version(), id), ServerListFilters.NONE)
                .encode();
    }

    /** Its remotes in the document's order, each once: those the registry checks (CheckedRemote). */
    List<Remote> remotes() {
        Set<Remote> remotes = new LinkedHashSet<>();
        for (JsonNode remote : document.path("remotes")) {
            remotes.add(
                    new Remote(remote.path("url").asText(), remote.path("type").asText()));
        }
        return List.copyOf(remotes);
    }

    /**
     * How its remotes answered the registry's checks, from the status rows of its remotes that have one: each of
     * them, an unchecked one unknown (RemoteChecksService.healthOf).
     */
    RegistrationHealth health(Map<UUID, List<RemoteStatus>> statuses) {
        List<RemoteStatus> known = statuses.getOrDefault(id, List.of());
        List<RemoteStatus> remotes = new ArrayList<>();
        for (Remote remote : remotes()) {
            remotes.add(known.stream()
                    .filter(status -> status.remoteUrl().equals(remote.url()))
                    .findFirst()
                    .orElse(RemoteStatus.unchecked(remote.url())));
        }
        return new RegistrationHealth(remotes);
    }
}
