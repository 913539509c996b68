package com.mcpregistry.publication;

import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.paging.PageRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which published servers one page of the MCP Registry API's list shows. Without {@code updatedSince} the list is a
 * catalogue ordered by server name, version and id, without deleted versions unless {@code includeDeleted}. With
 * it, the list is the changes after that time, oldest first, deleted versions always included (so a mirror learns
 * of deletions). The filters are those of {@link ServerListFilters}.
 */
public record PublishedServerQuery(
        Optional<String> search,
        Optional<VersionSelector> version,
        boolean includeDeleted,
        Optional<Instant> updatedSince,
        int limit,
        Optional<ServerListCursor> after) {

    public PublishedServerQuery {
        Objects.requireNonNull(after, "after");
        includeDeleted = new ServerListFilters(search, version, includeDeleted, updatedSince).includeDeleted();
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw InvalidInput.of("limit", "must be between 1 and " + PageRequest.MAX_LIMIT);
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

    /**
     * The query for one page: of the list {@code asked} describes, or, given a cursor, of the list the cursor was
     * issued for (a filter the request states must be the cursor's).
     */
    public static PublishedServerQuery of(ServerListFilters asked, int limit, Optional<ServerListToken> cursor) {
        ServerListFilters filters =
                cursor.map(token -> asked.continuing(token.filters())).orElse(asked);
        return new PublishedServerQuery(
                filters.search(),
                filters.version(),
                filters.includeDeleted(),
                filters.updatedSince(),
                limit,
                cursor.map(ServerListToken::after));
    }

    /** What the list holds, apart from where this page starts. */
    public ServerListFilters filters() {
        return new ServerListFilters(search, version, includeDeleted, updatedSince);
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
