package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.shared.ServerName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One server.json document of the official schema (edition {@value #SCHEMA_EDITION}): what a server is, where its
 * code lives, and how clients install it (packages) or reach it (remotes); at least one of the two.
 */
public record ServerDocument(
        ServerName name,
        Description description,
        Optional<Title> title,
        Version version,
        Optional<HttpUrl> websiteUrl,
        Optional<Repository> repository,
        List<Icon> icons,
        List<Package> packages,
        List<Remote> remotes,
        Optional<PublisherMeta> publisherMeta) {

    public static final String SCHEMA_EDITION = "2025-12-11";

    public ServerDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(websiteUrl, "websiteUrl");
        Objects.requireNonNull(repository, "repository");
        icons = List.copyOf(icons);
        packages = List.copyOf(packages);
        remotes = List.copyOf(remotes);
        Objects.requireNonNull(publisherMeta, "publisherMeta");
        if (packages.isEmpty() && remotes.isEmpty()) {
            throw InvalidInput.of("/packages", "a server needs at least one package or remote");
        }
    }
}
