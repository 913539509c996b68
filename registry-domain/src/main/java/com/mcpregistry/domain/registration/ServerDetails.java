package com.mcpregistry.domain.registration;

import java.util.Objects;
import java.util.Optional;

/** What a submitter says about a server: the fields they may edit while it is in review. */
public record ServerDetails(
        Title title,
        Description description,
        HttpUrl endpointUrl,
        Transport transport,
        Email ownerContact,
        Optional<HttpUrl> repositoryUrl,
        Optional<HttpUrl> documentationUrl,
        Tags tags) {

    public ServerDetails {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(ownerContact, "ownerContact");
        Objects.requireNonNull(repositoryUrl, "repositoryUrl");
        Objects.requireNonNull(documentationUrl, "documentationUrl");
        Objects.requireNonNull(tags, "tags");
    }
}
