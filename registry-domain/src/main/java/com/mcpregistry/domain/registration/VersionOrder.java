package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.serverjson.Version;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which of two versions of a server is newer, as the official MCP registry decides it: two semantic versions by
 * semantic-version precedence; a semantic version above any other; two non-semantic versions by when they were
 * published.
 */
public final class VersionOrder {

    /** A version with the time it was published, the tie-breaker for versions that are not semantic. */
    public record Published(Version version, Instant publishedAt) {}

    public static final Comparator<Published> OLDEST_FIRST = VersionOrder::compare;

    private VersionOrder() {}

    public static int compare(Published a, Published b) {
        Optional<SemanticVersion> semA = SemanticVersion.parse(a.version().value());
        Optional<SemanticVersion> semB = SemanticVersion.parse(b.version().value());
        if (semA.isPresent() && semB.isPresent()) {
            int bySemver = semA.get().compareTo(semB.get());
            return bySemver != 0 ? bySemver : a.publishedAt().compareTo(b.publishedAt());
        }
        if (semA.isPresent() != semB.isPresent()) {
            return semA.isPresent() ? 1 : -1;
        }
        return a.publishedAt().compareTo(b.publishedAt());
    }
}
