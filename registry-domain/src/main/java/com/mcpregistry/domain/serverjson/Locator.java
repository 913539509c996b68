package com.mcpregistry.domain.serverjson;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a client finds a server — a remote's URL, or a package by its registry type and identifier — in the one form
 * such places are compared in, so that two spellings of one place are one place: a locator belongs to at most one
 * server name.
 *
 * <ul>
 *   <li>A remote URL as its {@link NormalizedEndpoint}; a URL with {@code {variables}} as it is written, since it
 *       names no single endpoint until a client fills them in.
 *   <li>npm and NuGet package names in lower case (both registries treat names case-insensitively), PyPI names
 *       normalised as PEP 503 says (lower case, each run of {@code -}, {@code _} and {@code .} as one {@code -}).
 *   <li>An OCI image by its registry and repository in lower case, without tag or digest: every tag of an image is
 *       the same image.
 *   <li>An MCPB bundle by its download URL, as written.
 * </ul>
 */
public record Locator(String value) {

    public Locator {
        Objects.requireNonNull(value, "value");
    }

    public static Locator of(UrlTemplate remoteUrl) {
        String url = remoteUrl.variableNames().isEmpty()
                ? NormalizedEndpoint.of(new HttpUrl(remoteUrl.value())).value()
                : remoteUrl.value();
        return new Locator("remote " + url);
    }

    public static Locator of(Package pkg) {
        String identifier = pkg.identifier();
        String key = switch (pkg.registryType()) {
            case NPM, NUGET -> identifier.toLowerCase(Locale.ROOT);
            case PYPI -> identifier.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
            case OCI -> {
                OciReference image = OciReference.parse("/identifier", identifier);
                yield (image.registry() + "/" + image.repository()).toLowerCase(Locale.ROOT);
            }
            case MCPB -> identifier;
        };
        return new Locator(pkg.registryType().wireName() + " " + key);
    }

    /** What a person reads: {@code the remote https://…} or {@code the npm package @scope/name}. */
    public String describe() {
        int space = value.indexOf(' ');
        String kind = value.substring(0, space);
        String place = value.substring(space + 1);
        return kind.equals("remote") ? "the remote URL " + place : "the " + kind + " package " + place;
    }

    @Override
    public String toString() {
        return value;
    }
}
