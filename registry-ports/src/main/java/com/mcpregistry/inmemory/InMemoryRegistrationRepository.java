package com.mcpregistry.inmemory;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.Locator;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.paging.Cursor;
import com.mcpregistry.paging.Page;
import com.mcpregistry.registration.port.out.RegistrationQuery;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.mcpregistry.registration.port.out.UniquenessConflicts;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@link RegistrationRepository} over an {@link InMemoryDatabase}. */
public final class InMemoryRegistrationRepository implements RegistrationRepository {

    static final Comparator<Registration> NEWEST_FIRST = Comparator.comparing(Registration::createdAt)
            .thenComparing(r -> r.id().value(), Cursor::compareIds)
            .reversed();

    private final InMemoryDatabase db;

    InMemoryRegistrationRepository(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public void insert(Registration registration) {
        db.atomically(() -> {
            if (db.registrations.containsKey(registration.id())) {
                throw new Conflict("registration " + registration.id() + " exists already");
            }
            checkUniqueness(registration);
            db.registrations.put(registration.id(), registration);
            return null;
        });
    }

    @Override
    public void update(Registration registration, long expectedRowVersion) {
        db.atomically(() -> {
            Registration stored = db.registrations.get(registration.id());
            if (stored == null || stored.rowVersion() != expectedRowVersion) {
                throw new Conflict("the registration was changed meanwhile; reload it and try again");
            }
            if (!registration.isDeleted()) {
                checkUniqueness(registration);
            }
            db.registrations.put(registration.id(), registration);
            return null;
        });
    }

    @Override
    public Optional<Registration> findById(RegistrationId id) {
        return db.atomically(() -> Optional.ofNullable(db.registrations.get(id)));
    }

    @Override
    public Optional<Registration> findByNameAndVersion(ServerName name, Version version) {
        // Never more than one: a version is never reused.
        return db.atomically(() -> db.registrations.values().stream()
                .filter(r -> r.serverName().equals(name) && r.version().equals(version))
                .findFirst());
    }

    @Override
    public Optional<Registration> findLocatorHolder(Set<Locator> locators, ServerName except) {
        return db.atomically(() -> db.registrations.values().stream()
                .filter(r -> !r.isDeleted() && !r.serverName().equals(except))
                .filter(r -> !Collections.disjoint(r.details().definition().locators(), locators))
                .min(NEWEST_FIRST.reversed()));
    }

    @Override
    public Page<Registration> find(RegistrationQuery query) {
        return db.atomically(() -> Page.of(
                db.registrations.values().stream()
                        .filter(r -> query.scope().includes(r, ownersOf(r)))
                        .filter(r -> query.status().map(s -> r.status() == s).orElse(true))
                        .filter(r ->
                                query.search().map(text -> matches(r, text)).orElse(true))
                        .sorted(NEWEST_FIRST)
                        .filter(r -> query.page()
                                .after()
                                .map(c -> c.isFollowedBy(r.createdAt(), r.id().value()))
                                .orElse(true))
                        .limit(query.page().limit() + 1L)
                        .toList(),
                query.page().limit(),
                InMemoryRegistrationRepository::cursorOf));
    }

    @Override
    public List<Registration> findReviewedOrDeleted() {
        return db.atomically(() -> db.registrations.values().stream()
                .filter(r -> r.isDeleted() || r.status() != RegistrationStatus.PENDING)
                .sorted(Comparator.comparing((Registration r) -> r.serverName().value())
                        .thenComparing(NEWEST_FIRST.reversed()))
                .toList());
    }

    /** The owners of {@code registration}'s server; one stored without owners is its submitter's. */
    private Owners ownersOf(Registration registration) {
        return db.serverOwners.getOrDefault(
                registration.serverName(), Owners.of(Owner.user(registration.submitterId())));
    }

    static Cursor cursorOf(Registration registration) {
        return new Cursor(registration.createdAt(), registration.id().value());
    }

    private static boolean matches(Registration r, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        return r.serverName().value().toLowerCase(Locale.ROOT).contains(needle)
                || r.details()
                        .definition()
                        .title()
                        .map(title -> title.value().toLowerCase(Locale.ROOT).contains(needle))
                        .orElse(false)
                || r.details()
                        .definition()
                        .description()
                        .value()
                        .toLowerCase(Locale.ROOT)
                        .contains(needle);
    }

    private void checkUniqueness(Registration candidate) {
        Set<Locator> locators = candidate.details().definition().locators();
        for (Registration other : db.registrations.values()) {
            if (other.id().equals(candidate.id())) {
                continue;
            }
            // A version is never reused, not even after its registration was deleted.
            if (other.serverName().equals(candidate.serverName())
                    && other.version().equals(candidate.version())) {
                throw UniquenessConflicts.versionTaken(candidate.serverName(), candidate.version());
            }
            if (other.isDeleted() || other.serverName().equals(candidate.serverName())) {
                continue;
            }
            Set<Locator> held = new LinkedHashSet<>(locators);
            held.retainAll(other.details().definition().locators());
            if (!held.isEmpty()) {
                throw UniquenessConflicts.locatorTaken(held);
            }
        }
    }
}
