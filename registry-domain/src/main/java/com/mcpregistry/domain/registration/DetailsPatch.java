package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.Validation;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.serverjson.Description;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.Remote;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.Repository;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.serverjson.ServerDocument;
import com.mcpregistry.domain.serverjson.Title;
import com.mcpregistry.domain.serverjson.UrlTemplate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields a submitter changes in an edit: a whole new server.json ({@code document}, of the same name and
 * version), or the seed's simple
 * fields, each changing only its part of the server.json; an empty field stays as it was. The optional URLs take
 * an inner empty value to be cleared.
 */
public record DetailsPatch(
        Optional<ServerDocument> document,
        Optional<Title> title,
        Optional<Description> description,
        Optional<HttpUrl> endpointUrl,
        Optional<RemoteTransport> transport,
        Optional<OwnerContact> ownerContact,
        Optional<Optional<HttpUrl>> repositoryUrl,
        Optional<Optional<HttpUrl>> documentationUrl,
        Optional<Tags> tags) {

    public static final DetailsPatch NOTHING = ofDocument(Optional.empty(), Optional.empty(), Optional.empty());

    public DetailsPatch {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(ownerContact, "ownerContact");
        Objects.requireNonNull(repositoryUrl, "repositoryUrl");
        Objects.requireNonNull(documentationUrl, "documentationUrl");
        Objects.requireNonNull(tags, "tags");
    }

    /** A patch that replaces the server.json with {@code document} and leaves the registry's own fields. */
    public static DetailsPatch replacing(ServerDocument document) {
        return ofDocument(Optional.of(document), Optional.empty(), Optional.empty());
    }

    /**
     * A patch that says nothing in the seed's simple fields: perhaps a whole new server.json, perhaps a new owner
     * contact or tags.
     */
    public static DetailsPatch ofDocument(
            Optional<ServerDocument> document, Optional<OwnerContact> ownerContact, Optional<Tags> tags) {
        return new DetailsPatch(
                document,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ownerContact,
                Optional.empty(),
                Optional.empty(),
                tags);
    }

    /** The details of {@code current} with this patch applied. */
    public ServerDetails applyTo(Registration current) {
        document.ifPresent(d -> {
            boolean sameName = d.name().equals(current.serverName());
            if (!sameName || !d.version().equals(current.version())) {
                throw InvalidInput.of(
                        sameName ? "/version" : "/name",
                        "must stay " + current.serverName() + " version " + current.version()
                                + ": a registration's name and version never change; submit a new version instead");
            }
        });
        ServerDetails details = current.details();
        ServerDefinition base = document.map(ServerDocument::definition).orElse(details.definition());
        ServerDefinition next = new ServerDefinition(
                description.orElse(base.description()),
                title.or(base::title),
                documentationUrl.orElse(base.websiteUrl()),
                repositoryUrl.map(url -> url.map(Repository::at)).orElse(base.repository()),
                base.icons(),
                base.packages(),
                endpointUrl.isPresent() || transport.isPresent() ? List.of(changedRemote(base)) : base.remotes(),
                base.publisherMeta());
        return new ServerDetails(next, ownerContact.or(details::ownerContact), tags.orElse(details.tags()));
    }

    /** The one remote with the new endpoint or transport; a server with other remotes or packages is edited whole. */
    private Remote changedRemote(ServerDefinition base) {
        Remote remote = base.onlyRemote()
                .orElseThrow(() -> InvalidInput.of(
                        endpointUrl.isPresent() ? "endpoint_url" : "transport",
                        "can be changed only on a server with one remote and no package; this one has "
                                + base.remotes().size() + " remote(s) and "
                                + base.packages().size()
                                + " package(s): send its whole server.json as server"));
        Validation validation = new Validation();
        UrlTemplate url = endpointUrl
                .map(endpoint -> validation.check(ServerDetails.REMOTE_URL, () -> new UrlTemplate(endpoint.value())))
                .orElse(remote.url());
        validation.complete();
        return new Remote(transport.orElse(remote.type()), url, remote.headers(), remote.variables());
    }
}
