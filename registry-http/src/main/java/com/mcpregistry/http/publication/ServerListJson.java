package com.mcpregistry.http.publication;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.publication.PublishedServer;
import com.mcpregistry.publication.PublishedServerPage;
import com.mcpregistry.publication.ServerListCursor;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The MCP Registry API's JSON, with the official names and shapes (openapi.yaml: {@code ServerList},
 * {@code ServerResponse}, {@code ServerDetail}, {@code Repository}, {@code RemoteTransport}). Absent values are
 * left out, never written as null: the official schemas allow no nulls.
 */
public record ServerListJson(List<ServerResponseJson> servers, Metadata metadata) {

    /** The server.json schema this registry's {@code server} objects follow, as the official examples name it. */
    public static final String SERVER_SCHEMA =
            "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";
    /** The registry metadata key the official schema defines. */
    public static final String OFFICIAL_META = "io.modelcontextprotocol.registry/official";
    /** Our own facts about a registration, under our own reverse-DNS key. */
    public static final String REGISTRATION_META = "com.mcpregistry/registration";

    /** Paging: the cursor of the next page (absent on the last), and how many servers this page holds. */
    public record Metadata(String nextCursor, int count) {}

    public static ServerListJson of(PublishedServerPage page) {
        List<ServerResponseJson> servers =
                page.servers().stream().map(ServerResponseJson::of).toList();
        return new ServerListJson(
                servers, new Metadata(page.next().map(ServerListCursor::encode).orElse(null), servers.size()));
    }

    public static ServerListJson of(List<PublishedServer> versions) {
        List<ServerResponseJson> servers =
                versions.stream().map(ServerResponseJson::of).toList();
        return new ServerListJson(servers, new Metadata(null, servers.size()));
    }

    /** One published version: its server.json and the registry's metadata about it. */
    public record ServerResponseJson(
            ServerJson server, @JsonProperty("_meta") Meta meta) {
        public static ServerResponseJson of(PublishedServer published) {
            return new ServerResponseJson(ServerJson.of(published.registration()), Meta.of(published));
        }
    }

    /** server.json, as far as a registration knows it: one remote, no packages. */
    public record ServerJson(
            @JsonProperty("$schema") String schema,
            String name,
            String title,
            String description,
            String version,
            Optional<RepositoryJson> repository,
            Optional<String> websiteUrl,
            List<RemoteJson> remotes) {

        static ServerJson of(Registration r) {
            ServerDefinition d = r.details().definition();
            return new ServerJson(
                    SERVER_SCHEMA,
                    r.serverName().value(),
                    d.title().map(t -> t.value()).orElse(null),
                    d.description().value(),
                    r.version().value(),
                    d.repository().map(repository -> RepositoryJson.of(repository.url())),
                    d.websiteUrl().map(HttpUrl::value),
                    d.remotes().stream()
                            .map(remote -> new RemoteJson(
                                    remote.type().wireName(), remote.url().value()))
                            .toList());
        }
    }

    /** Where the server's source lives; {@code source} names the forge. */
    public record RepositoryJson(String url, String source) {
        static RepositoryJson of(HttpUrl url) {
            return new RepositoryJson(url.value(), source(url.value()));
        }

        /** {@code github} and {@code gitlab} for their public hosts, the host name for any other forge. */
        static String source(String url) {
            String host =
                    Optional.ofNullable(URI.create(url).getHost()).orElse("").toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring("www.".length());
            }
            return switch (host) {
                case "github.com" -> "github";
                case "gitlab.com" -> "gitlab";
                default -> host;
            };
        }
    }

    /** How MCP clients reach the server: {@code streamable-http} or {@code sse} at {@code url}. */
    public record RemoteJson(String type, String url) {}

    /** {@code _meta}: the official registry metadata, and ours beside it under our own key. */
    public record Meta(
            @JsonProperty(OFFICIAL_META) OfficialMeta official,
            @JsonProperty(REGISTRATION_META) RegistrationMeta registration) {

        static Meta of(PublishedServer published) {
            Registration r = published.registration();
            return new Meta(
                    new OfficialMeta(
                            published.status().wireName(),
                            published.statusMessage(),
                            published.statusChangedAt(),
                            published.publishedAt(),
                            published.updatedAt(),
                            published.latest()),
                    new RegistrationMeta(
                            r.id().value(),
                            r.reviewedAt(),
                            r.details().tags().values(),
                            r.details().ownerContact().map(c -> c.value()).orElse(null)));
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

    /** What this registry adds: the registration behind the version, when it was last reviewed, its tags and owner. */
    public record RegistrationMeta(
            UUID registrationId, Optional<Instant> reviewedAt, List<String> tags, String ownerContact) {}
}
