package com.mcpregistry.inmemory;

import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.paging.Cursor;
import com.mcpregistry.publication.PublishedServer;
import com.mcpregistry.publication.PublishedServerPage;
import com.mcpregistry.publication.PublishedServerQuery;
import com.mcpregistry.publication.ServerListCursor;
import com.mcpregistry.publication.VersionSelector;
import com.mcpregistry.publication.port.out.PublishedServers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@link PublishedServers} over an {@link InMemoryDatabase}. Its transactions run one at a time, so {@link #lock}
 * has nothing left to do.
 */
public final class InMemoryPublishedServers implements PublishedServers {

    /** Server name, version, id: names and versions by their characters, as PostgreSQL's "C" collation orders them. */
    static final Comparator<PublishedServer> BY_NAME = Comparator.comparing(
                    (PublishedServer p) -> p.registration().serverName().value())
            .thenComparing(p -> p.registration().version().value())
            .thenComparing(p -> p.registration().id().value(), Cursor::compareIds);

    static final Comparator<PublishedServer> BY_UPDATE = Comparator.comparing(
                    (PublishedServer p) -> p.registration().updatedAt())
            .thenComparing(p -> p.registration().id().value(), Cursor::compareIds);

    static final Comparator<PublishedServer> NEWEST_PUBLISHED_FIRST = Comparator.comparing(PublishedServer::publishedAt)
            .thenComparing(p -> p.registration().id().value(), Cursor::compareIds)
            .reversed();

    private final InMemoryDatabase db;

    InMemoryPublishedServers(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void lock(ServerName serverName) {
        // Every in-memory transaction holds the database's one lock already.
    }

    @Override
    public void markPublished(RegistrationId id, Instant at) {
        db.atomically(() -> db.publications.putIfAbsent(id, new InMemoryDatabase.Publication(at, false)));
    }

    @Override
    public void markLatest(ServerName serverName, Optional<RegistrationId> latest, Instant changedAt) {
        db.atomically(() -> {
            for (Registration r : List.copyOf(db.registrations.values())) {
                InMemoryDatabase.Publication publication = db.publications.get(r.id());
                if (publication == null || !r.serverName().equals(serverName)) {
                    continue;
                }
                boolean shouldBeLatest = latest.map(r.id()::equals).orElse(false);
                if (publication.latest() != shouldBeLatest) {
                    db.publications.put(
                            r.id(), new InMemoryDatabase.Publication(publication.publishedAt(), shouldBeLatest));
                    db.registrations.put(r.id(), withUpdatedAt(r, flippedAt(r.updatedAt(), changedAt)));
                }
            }
            return null;
        });
    }

    @Override
    public PublishedServerPage list(PublishedServerQuery query) {
        return db.atomically(() -> {
            Predicate<PublishedServer> afterCursor =
                    query.after().map(InMemoryPublishedServers::follows).orElse(p -> true);
            List<PublishedServer> fetched = published()
                    .filter(p -> query.includeDeleted() || !p.registration().isDeleted())
                    .filter(p -> query.updatedSince()
                            .map(since -> p.registration().updatedAt().isAfter(since))
                            .orElse(true))
                    .filter(p -> query.search().map(text -> matches(p, text)).orElse(true))
                    .filter(p -> query.version().map(v -> selects(v, p)).orElse(true))
                    .sorted(query.byUpdate() ? BY_UPDATE : BY_NAME)
                    .filter(afterCursor)
                    .limit(query.limit() + 1L)
                    .toList();
            return PublishedServerPage.of(fetched, query);
        });
    }

    @Override
    public List<PublishedServer> versions(ServerName serverName, boolean includeDeleted) {
        return db.atomically(() -> published()
                .filter(p -> p.registration().serverName().equals(serverName))
                .filter(p -> includeDeleted || !p.registration().isDeleted())
                .sorted(NEWEST_PUBLISHED_FIRST)
                .toList());
    }

    @Override
    public Optional<PublishedServer> version(ServerName serverName, Version version, boolean includeDeleted) {
        return db.atomically(() -> published()
                .filter(p -> p.registration().serverName().equals(serverName)
                        && p.registration().version().equals(version))
                .filter(p -> includeDeleted || !p.registration().isDeleted())
                // The live version first, then the most recently deleted.
                .min(Comparator.comparing(
                        (PublishedServer p) -> p.registration().deletedAt().orElse(Instant.MAX),
                        Comparator.reverseOrder())));
    }

    @Override
    public Optional<PublishedServer> latest(ServerName serverName) {
        return db.atomically(() -> published()
                .filter(p -> p.latest() && p.registration().serverName().equals(serverName))
                .findFirst());
    }

    private Stream<PublishedServer> published() {
        return db.registrations.values().stream()
                .filter(r -> db.publications.containsKey(r.id()))
                .map(r -> {
                    InMemoryDatabase.Publication publication = db.publications.get(r.id());
                    return new PublishedServer(r, publication.publishedAt(), publication.latest());
                });
    }

    private static boolean selects(VersionSelector selector, PublishedServer p) {
        return selector instanceof VersionSelector.Exact exact
                ? p.registration().version().equals(exact.version())
                : p.latest();
    }

    private static boolean matches(PublishedServer p, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        return p.registration().serverName().value().toLowerCase(Locale.ROOT).contains(needle)
                || p.registration()
                        .details()
                        .definition()
                        .description()
                        .value()
                        .toLowerCase(Locale.ROOT)
                        .contains(needle);
    }

    private static Predicate<PublishedServer> follows(ServerListCursor cursor) {
        if (cursor instanceof ServerListCursor.ByName byName) {
            return p -> {
                Registration r = p.registration();
                int byServer = r.serverName().value().compareTo(byName.serverName());
                if (byServer != 0) {
                    return byServer > 0;
                }
                int byVersion = r.version().value().compareTo(byName.version());
                if (byVersion != 0) {
                    return byVersion > 0;
                }
                return Cursor.compareIds(r.id().value(), byName.id()) > 0;
            };
        }
        ServerListCursor.ByUpdate byUpdate = (ServerListCursor.ByUpdate) cursor;
        return p -> {
            int byTime = p.registration().updatedAt().compareTo(byUpdate.updatedAt());
            return byTime > 0
                    || (byTime == 0 && Cursor.compareIds(p.registration().id().value(), byUpdate.id()) > 0);
        };
    }

    /**
     * The update time of a version whose latest flag flips: the change's time, but forward of the version's last
     * update even when the change is dated before it (instances' clocks differ), so that a reader syncing with
     * {@code updated_since} always sees the flip.
     */
    static Instant flippedAt(Instant lastUpdate, Instant changedAt) {
        return lastUpdate.isAfter(changedAt) ? lastUpdate.plus(1, ChronoUnit.MICROS) : changedAt;
    }

    private static Registration withUpdatedAt(Registration r, Instant updatedAt) {
        return new Registration(
                r.id(),
                r.serverName(),
                r.version(),
                r.details(),
                r.submitterId(),
                r.status(),
                r.statusReason(),
                r.reviewedBy(),
                r.reviewedAt(),
                r.createdAt(),
                updatedAt,
                r.rowVersion(),
                r.deletedAt());
    }
}
