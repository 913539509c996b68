package com.mcpregistry.domain.serverjson;

import com.mcpregistry.domain.error.InvalidInput;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The canonical image reference an OCI package names as its identifier ({@code docker.io/owner/image:1.0.0},
 * {@code ghcr.io/owner/image@sha256:…}): the registry it is pulled from, the repository, and a tag or a digest.
 */
public record OciReference(String registry, String repository, Optional<String> tag, Optional<String> digest) {

    /** The registry a reference without a registry host is pulled from, as Docker does. */
    public static final String DOCKER_HUB = "docker.io";

    private static final String EXAMPLE = "docker.io/owner/image:1.0.0";
    private static final Pattern REGISTRY =
            Pattern.compile("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PATH_COMPONENT = Pattern.compile("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$");
    private static final Pattern TAG = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$");
    private static final Pattern SHA_256_DIGEST = Pattern.compile("^sha256:[a-fA-F0-9]{64}$");

    public OciReference {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
    }

    /** Parses {@code raw}, naming {@code field} when it is not a reference with a tag or a digest. */
    public static OciReference parse(String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            throw InvalidInput.of(field, "is required");
        }
        String name = raw;
        Optional<String> digest = Optional.empty();
        int at = raw.indexOf('@');
        if (at >= 0) {
            digest = Optional.of(raw.substring(at + 1));
            name = raw.substring(0, at);
            // Rule 57: only sha256 digests.
            if (!SHA_256_DIGEST.matcher(digest.get()).matches()) {
                throw InvalidInput.of(field, "must name its digest as sha256: followed by 64 hexadecimal digits");
            }
        }
        Optional<String> tag = Optional.empty();
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = Optional.of(name.substring(colon + 1));
            name = name.substring(0, colon);
        }
        // Rule 58: a reference without a tag or digest floats (it means latest), as a version range would.
        if (tag.isEmpty() && digest.isEmpty()) {
            throw InvalidInput.of(field, "must name a tag or a digest, e.g. " + EXAMPLE);
        }
        String[] segments = name.split("/", -1);
        String registry;
        String repository;
        if (segments.length == 1) {
            registry = DOCKER_HUB;
            repository = "library/" + name;
        } else if (segments.length == 2 && segments[0].indexOf('.') < 0 && segments[0].indexOf(':') < 0) {
            registry = DOCKER_HUB;
            repository = name;
        } else {
            registry = segments[0];
            repository = name.substring(registry.length() + 1);
        }
        // Rule 55: the parts are those of an image reference.
        boolean valid = REGISTRY.matcher(registry).matches()
                && tag.map(t -> TAG.matcher(t).matches()).orElse(true);
        for (String component : repository.split("/", -1)) {
            valid &= PATH_COMPONENT.matcher(component).matches();
        }
        if (!valid) {
            throw InvalidInput.of(field, "must be an image reference such as " + EXAMPLE);
        }
        return new OciReference(registry.toLowerCase(Locale.ROOT), repository, tag, digest);
    }
}
