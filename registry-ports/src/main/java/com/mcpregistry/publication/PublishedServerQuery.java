package com.mcpregistry.publication;

import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.paging.SearchText;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which published servers one page of the MCP Registry API's list shows. Without {@code updatedSince} the list is a
 * catalogue ordered by server name, version and id, without deleted versions unless {@code includeDeleted}. With
 * it, the list is the changes after that time, oldest first, deleted versions always included (so a mirror learns
 * of deletions). {@code search} is a case-insensitive substring of the server name or description, taken literally, that {@link SearchText} accepts.
 */
public record PublishedServerQuery(
        Optional<String> search,
        Optional<VersionSelector> version,
        boolean includeDeleted,
        Optional<Instant> updatedSince,
        int limit,
        Optional<ServerListCursor> after) {

    public PublishedServerQuery {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(updatedSince, "updatedSince");
        Objects.requireNonNull(after, "after");
        search.ifPresent(SearchText::require);
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw InvalidInput.of("limit", "must be between 1 and " + PageRequest.MAX_LIMIT);
        }
        if (updatedSince.isPresent()) {
            includeDeleted = true;
        }
        boolean byUpdate = updatedSince.isPresent();
        after.ifPresent(cursor -> {
            if ((cursor instanceof ServerListCursor.ByUpdate) != byUpdate) {
                throw InvalidInput.of(
                        "cursor",
                        byUpdate
                                ? "belongs to a list without updated_since; start again without the cursor"
                                : "belongs to a list with updated_since; start again without the cursor");
            }
        });
    }

    /** Whether the list is ordered by update time (incremental sync) rather than by name. */
    public boolean byUpdate() {
        return updatedSince.isPresent();
    }

    /** The same query, continuing after {@code cursor}. */
    public PublishedServerQuery after(ServerListCursor cursor) {
        return new PublishedServerQuery(search, version, includeDeleted, updatedSince, limit, Optional.of(cursor));
    }
}
