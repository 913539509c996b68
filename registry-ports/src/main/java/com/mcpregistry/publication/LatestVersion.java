package com.mcpregistry.publication;

import com.mcpregistry.domain.registration.VersionOrder;
import com.mcpregistry.paging.Cursor;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Which version of a server is its latest: the highest of its candidates (its published versions that are not
 * deleted, deprecated or not) in the official registry's {@link VersionOrder}, ties (1.0.0+a and 1.0.0+b published
 * together) broken by id. The registration service applies it on every change; a migration that changed the
 * candidates applies it to what was stored before.
 */
public final class LatestVersion {

    private LatestVersion() {}

    /** The latest of {@code candidates}, each with its version and publication time, and its id. */
    public static <T> Optional<T> of(
            Collection<T> candidates, Function<T, VersionOrder.Published> published, Function<T, UUID> id) {
        Comparator<T> latestLast =
                Comparator.comparing(published, VersionOrder.OLDEST_FIRST).thenComparing(id, Cursor::compareIds);
        return candidates.stream().max(latestLast);
    }
}
