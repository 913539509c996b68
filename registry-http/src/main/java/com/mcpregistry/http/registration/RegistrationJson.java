package com.mcpregistry.http.registration;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mcpregistry.domain.checks.RegistrationHealth;
import com.mcpregistry.domain.registration.Action;
import com.mcpregistry.domain.registration.OwnerContact;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.Remote;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.serverjson.Title;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.http.checks.HealthJson;
import com.mcpregistry.http.serverjson.InstallSnippetsJson;
import com.mcpregistry.http.serverjson.ServerJsonWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A registration as the API writes it, with the seed's field names, in both views of the server: {@code server}, its
 * whole server.json, always; and the seed's simple fields as far as they say it ({@code endpoint_url} and {@code
 * transport} only for a server of one remote and no package, {@code title} and the URLs only when the document has
 * them). {@code can} lists the actions the caller may take on it now ({@code edit}, {@code approve}, {@code deprecate},
 * …, by their audit wire names), so that a client need not re-implement the workflow and ownership rules; {@code
 * health} says how its remote servers answered the registry's checks. One registration on its own also says how to
 * configure each of its remotes in the clients users have ({@code install}, {@link InstallSnippetsJson}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RegistrationJson(
        UUID registrationId,
        String serverName,
        String version,
        Optional<String> title,
        String description,
        Optional<String> endpointUrl,
        Optional<String> transport,
        Optional<String> ownerContact,
        Optional<String> repositoryUrl,
        Optional<String> documentationUrl,
        List<String> tags,
        ObjectNode server,
        UUID submitterId,
        String status,
        Optional<String> statusReason,
        Optional<UUID> reviewedBy,
        Optional<Instant> reviewedAt,
        Instant createdAt,
        Instant updatedAt,
        long rowVersion,
        List<String> can,
        HealthJson health,
        Optional<List<InstallSnippetsJson>> install) {

    /** {@code r} on its own, as {@link #of} writes it, with how to configure each of its remotes in clients. */
    public static RegistrationJson detail(Registration r, List<Action> can, RegistrationHealth health) {
        return of(r, can, health, Optional.of(InstallSnippetsJson.of(r.document())));
    }

    /** {@code r}, whose remotes are as {@code health} says, as the caller who may take {@code can} on it sees it. */
    public static RegistrationJson of(Registration r, List<Action> can, RegistrationHealth health) {
        return of(r, can, health, Optional.empty());
    }

    private static RegistrationJson of(
            Registration r, List<Action> can, RegistrationHealth health, Optional<List<InstallSnippetsJson>> install) {
        ServerDetails d = r.details();
        ServerDefinition definition = d.definition();
        Optional<Remote> onlyRemote = definition.onlyRemote();
        return new RegistrationJson(
                r.id().value(),
                r.serverName().value(),
                r.version().value(),
                definition.title().map(Title::value),
                definition.description().value(),
                onlyRemote.map(remote -> remote.url().value()),
                onlyRemote.map(remote -> remote.type().wireName()),
                d.ownerContact().map(OwnerContact::value),
                definition.repository().map(repository -> repository.url().value()),
                definition.websiteUrl().map(HttpUrl::value),
                d.tags().values(),
                ServerJsonWriter.write(r.document()),
                r.submitterId().value(),
                r.status().label(),
                r.statusReason().map(Reason::value),
                r.reviewedBy().map(UserId::value),
                r.reviewedAt(),
                r.createdAt(),
                r.updatedAt(),
                r.rowVersion(),
                can.stream().map(Action::wireName).toList(),
                HealthJson.of(health),
                install);
    }
}
