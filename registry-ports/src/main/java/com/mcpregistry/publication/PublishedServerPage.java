package com.mcpregistry.publication;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of published servers; {@code next}, the cursor of the next page, is present when more may follow. */
public record PublishedServerPage(List<PublishedServer> servers, Optional<ServerListToken> next) {

    public PublishedServerPage {
        servers = List.copyOf(servers);
        Objects.requireNonNull(next, "next");
    }

    /**
     * The page made from up to {@code limit + 1} servers fetched in the query's order: the extra one only tells that
     * there is more, and the cursor points at the last one shown.
     */
    public static PublishedServerPage of(List<PublishedServer> fetched, PublishedServerQuery query) {
        if (fetched.size() <= query.limit()) {
            return new PublishedServerPage(fetched, Optional.empty());
        }
        List<PublishedServer> shown = fetched.subList(0, query.limit());
        return new PublishedServerPage(
                shown, Optional.of(new ServerListToken(cursorAt(shown.get(shown.size() - 1), query), query.filters())));
    }

    /** The cursor that continues after {@code server} in the order of {@code query}. */
    public static ServerListCursor cursorAt(PublishedServer server, PublishedServerQuery query) {
        var r = server.registration();
        return query.byUpdate()
                ? new ServerListCursor.ByUpdate(r.updatedAt(), r.id().value())
                : new ServerListCursor.ByName(
                        r.serverName().value(), r.version().value(), r.id().value());
    }
}
