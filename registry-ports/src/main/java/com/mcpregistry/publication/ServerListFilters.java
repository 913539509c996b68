package com.mcpregistry.publication;

import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.paging.SearchText;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a list of the MCP Registry API holds, apart from where a page of it starts: the search text (a
 * case-insensitive substring of the server name or description, taken literally, that {@link SearchText} accepts),
 * the version selected, whether deleted versions are included, and the time after which changes are listed. A cursor belongs to
 * the list it was issued for, so it carries these (see {@link ServerListToken}).
 */
public record ServerListFilters(
        Optional<String> search,
        Optional<VersionSelector> version,
        boolean includeDeleted,
        Optional<Instant> updatedSince) {

    /** Every published version, by name. */
    public static final ServerListFilters NONE =
            new ServerListFilters(Optional.empty(), Optional.empty(), false, Optional.empty());

    public ServerListFilters {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(updatedSince, "updatedSince");
        search.ifPresent(SearchText::require);
        // Changes listed since a time include deletions, so that a mirror learns of them.
        includeDeleted = includeDeleted || updatedSince.isPresent();
    }

    /**
     * The filters of a page that continues a list with a cursor issued for {@code issuedFor}: those. A request may
     * leave any of them out, as VS Code leaves out {@code search} when it asks for the next page, but one it states
     * must be the cursor's: a cursor never continues another list.
     */
    ServerListFilters continuing(ServerListFilters issuedFor) {
        requireSame("search", search, issuedFor.search);
        requireSame("version", version.map(VersionSelector::text), issuedFor.version.map(VersionSelector::text));
        requireSame("updated_since", updatedSince, issuedFor.updatedSince);
        if (includeDeleted && !issuedFor.includeDeleted) {
            throw stated("include_deleted=true", "without include_deleted");
        }
        return issuedFor;
    }

    private static <T> void requireSame(String parameter, Optional<T> stated, Optional<T> issued) {
        if (stated.isPresent() && !stated.equals(issued)) {
            throw stated(
                    parameter + "=" + stated.get(),
                    issued.map(value -> "with " + parameter + "=" + value).orElse("without " + parameter));
        }
    }

    private static InvalidInput stated(String stated, String issuedFor) {
        return InvalidInput.of(
                "cursor",
                "was issued for a list " + issuedFor + ", not " + stated
                        + "; leave the parameter out to continue that list, or start again without the cursor");
    }
}
