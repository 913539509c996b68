package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.serverjson.Description;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.Title;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields a submitter changes in an edit; an empty field stays as it was. The optional URLs take an inner
 * empty value to be cleared.
 */
public record DetailsPatch(
        Optional<Title> title,
        Optional<Description> description,
        Optional<HttpUrl> endpointUrl,
        Optional<RemoteTransport> transport,
        Optional<OwnerContact> ownerContact,
        Optional<Optional<HttpUrl>> repositoryUrl,
        Optional<Optional<HttpUrl>> documentationUrl,
        Optional<Tags> tags) {

    public static final DetailsPatch NOTHING = new DetailsPatch(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    public DetailsPatch {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(ownerContact, "ownerContact");
        Objects.requireNonNull(repositoryUrl, "repositoryUrl");
        Objects.requireNonNull(documentationUrl, "documentationUrl");
        Objects.requireNonNull(tags, "tags");
    }

    public ServerDetails applyTo(ServerDetails current) {
        return new ServerDetails(
                title.orElse(current.title()),
                description.orElse(current.description()),
                endpointUrl.orElse(current.endpointUrl()),
                transport.orElse(current.transport()),
                ownerContact.orElse(current.ownerContact()),
                repositoryUrl.orElse(current.repositoryUrl()),
                documentationUrl.orElse(current.documentationUrl()),
                tags.orElse(current.tags()));
    }
}
