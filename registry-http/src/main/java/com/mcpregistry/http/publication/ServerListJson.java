package com.mcpregistry.http.publication;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.domain.checks.RegistrationHealth;
import com.mcpregistry.domain.registration.OwnerContact;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.http.serverjson.ServerJsonWriter;
import com.mcpregistry.http.shared.Milliseconds;
import com.mcpregistry.publication.PublishedServer;
import com.mcpregistry.publication.PublishedServerPage;
import com.mcpregistry.publication.ServerListToken;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The MCP Registry API's JSON, with the official names and shapes (openapi.yaml: {@code ServerList},
 * {@code ServerResponse}): each server is its stored server.json as {@link ServerJsonWriter} writes it, with the
 * registry's {@code _meta} beside it. Absent values are left out, never written as null: the official schemas allow
 * no nulls. How the server's remotes answered the registry's checks is part of each answer, so its entity tag changes
 * when their health does.
 */
public record ServerListJson(List<ServerResponseJson> servers, Metadata metadata) {

    /** The registry metadata key the official schema defines. */
    public static final String OFFICIAL_META = "io.modelcontextprotocol.registry/official";
    /** Our own facts about a registration, under our own reverse-DNS key. */
    public static final String REGISTRATION_META = "com.mcpregistry/registration";
    /** How the version's remote servers answered the registry's checks, under our own key. */
    public static final String HEALTH_META = "com.mcpregistry/health";

    /** Paging: the cursor of the next page (absent on the last), and how many servers this page holds. */
    public record Metadata(String nextCursor, int count) {}

    /** A page of the list, each server with its health in {@code health}. */
    public static ServerListJson of(PublishedServerPage page, Map<RegistrationId, RegistrationHealth> health) {
        List<ServerResponseJson> servers = entries(page.servers(), health);
        return new ServerListJson(
                servers, new Metadata(page.next().map(ServerListToken::encode).orElse(null), servers.size()));
    }

    /** The versions of one server, each with its health in {@code health}. */
    public static ServerListJson of(List<PublishedServer> versions, Map<RegistrationId, RegistrationHealth> health) {
        List<ServerResponseJson> servers = entries(versions, health);
        return new ServerListJson(servers, new Metadata(null, servers.size()));
    }

    private static List<ServerResponseJson> entries(
            List<PublishedServer> published, Map<RegistrationId, RegistrationHealth> health) {
        return published.stream()
                .map(version -> ServerResponseJson.of(
                        version, health.get(version.registration().id())))
                .toList();
    }

    /** One version: its server.json and the registry's metadata about it. */
    public record ServerResponseJson(
            ObjectNode server, @JsonProperty("_meta") Meta meta) {

        /** A published version, whose remotes are as {@code health} says, with the official registry metadata. */
        public static ServerResponseJson of(PublishedServer published, RegistrationHealth health) {
            return new ServerResponseJson(
                    ServerJsonWriter.write(published.registration().document()), Meta.of(published, health));
        }

        /**
         * A version just submitted for review, not published: no official metadata (the official schema knows no
         * status for it), and our own saying it is pending.
         */
        public static ServerResponseJson submitted(Registration registration, RegistrationHealth health) {
            return new ServerResponseJson(
                    ServerJsonWriter.write(registration.document()),
                    new Meta(
                            Optional.empty(),
                            RegistrationMeta.of(
                                    registration,
                                    Optional.of(registration.status().label().toLowerCase(Locale.ROOT))),
                            HealthMeta.of(health)));
        }
    }

    /**
     * {@code _meta}: the official registry metadata of a published version, and ours beside it under our own keys (the
     * official schema allows any other key).
     */
    public record Meta(
            @JsonProperty(OFFICIAL_META) Optional<OfficialMeta> official,
            @JsonProperty(REGISTRATION_META) RegistrationMeta registration,
            @JsonProperty(HEALTH_META) HealthMeta health) {

        static Meta of(PublishedServer published, RegistrationHealth health) {
            return new Meta(
                    Optional.of(new OfficialMeta(
                            published.status().wireName(),
                            published.statusMessage(),
                            published.statusChangedAt(),
                            published.publishedAt(),
                            published.updatedAt(),
                            published.latest())),
                    RegistrationMeta.of(published.registration(), Optional.empty()),
                    HealthMeta.of(health));
        }
    }

    /** The fields of {@code io.modelcontextprotocol.registry/official}, and only those (its schema allows no others). */
    public record OfficialMeta(
            String status,
            Optional<String> statusMessage,
            Instant statusChangedAt,
            Instant publishedAt,
            Instant updatedAt,
            @JsonProperty("isLatest") boolean isLatest) {}

    /**
     * What this registry adds: the registration behind the version, its review status where the official metadata
     * does not say it (a version submitted, not yet published), when it was last reviewed, its tags and owner.
     */
    public record RegistrationMeta(
            UUID registrationId,
            Optional<String> status,
            Optional<Instant> reviewedAt,
            List<String> tags,
            Optional<String> ownerContact) {

        static RegistrationMeta of(Registration r, Optional<String> status) {
            return new RegistrationMeta(
                    r.id().value(),
                    status,
                    r.reviewedAt(),
                    r.details().tags().values(),
                    r.details().ownerContact().map(OwnerContact::value));
        }
    }

    /**
     * {@code com.mcpregistry/health}: how the version's remotes answered the registry's checks — the most worrying
     * remote's health ({@code healthy}, {@code requires_auth}, {@code unreachable}, {@code blocked_address},
     * {@code unknown}), the latest check and how long it took (absent before one), and whether the tools of any remote
     * drifted from what the approval saw.
     */
    public record HealthMeta(
            String status, Optional<Instant> checkedAt, Optional<BigDecimal> latencyMs, boolean drift) {

        static HealthMeta of(RegistrationHealth health) {
            return new HealthMeta(
                    health.health().wireName(),
                    health.checkedAt(),
                    health.latency().map(Milliseconds::of),
                    health.drifted());
        }
    }
}
