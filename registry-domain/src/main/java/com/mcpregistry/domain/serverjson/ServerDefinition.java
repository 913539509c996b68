package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.error.InvalidInput;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a server.json says a server is, beside its name and version: its description, where its code lives, and how
 * clients install it (packages) or reach it (remotes); at least one of the two.
 */
public record ServerDefinition(
        Description description,
        Optional<Title> title,
        Optional<HttpUrl> websiteUrl,
        Optional<Repository> repository,
        List<Icon> icons,
        List<Package> packages,
        List<Remote> remotes,
        Optional<PublisherMeta> publisherMeta) {

    public ServerDefinition {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(title, "title");
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

    /** A server reached at one remote, as the seed's simple fields describe it. */
    public static ServerDefinition ofRemote(
            Description description,
            Optional<Title> title,
            Remote remote,
            Optional<Repository> repository,
            Optional<HttpUrl> websiteUrl) {
        return new ServerDefinition(
                description, title, websiteUrl, repository, List.of(), List.of(), List.of(remote), Optional.empty());
    }

    /** The server's only remote, when it has exactly one and no package: what the seed's simple fields can say. */
    public Optional<Remote> onlyRemote() {
        return remotes.size() == 1 && packages.isEmpty() ? Optional.of(remotes.get(0)) : Optional.empty();
    }

    /**
     * {@code locator} in this definition's words: {@code the remote URL …} or {@code the npm package …} as written
     * here, or as the locator reads if this definition does not hold it.
     */
    public String describe(Locator locator) {
        for (Remote remote : remotes) {
            if (Locator.of(remote.url()).equals(locator)) {
                return "the remote URL " + remote.url();
            }
        }
        for (Package pkg : packages) {
            if (Locator.of(pkg).equals(locator)) {
                return "the " + pkg.registryType().wireName() + " package " + pkg.identifier();
            }
        }
        return locator.describe();
    }

    /** Where clients find this server: each remote URL and each package, in the form they are compared in. */
    public Set<Locator> locators() {
        Set<Locator> locators = new LinkedHashSet<>();
        remotes.forEach(remote -> locators.add(Locator.of(remote.url())));
        packages.forEach(pkg -> locators.add(Locator.of(pkg)));
        return locators;
    }
}
