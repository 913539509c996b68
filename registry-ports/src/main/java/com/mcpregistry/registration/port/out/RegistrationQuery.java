package com.mcpregistry.registration.port.out;

import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.Visibility;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.paging.SearchText;
import java.util.Objects;
import java.util.Optional;

/**
 * Which registrations a list shows: those in {@code scope}, optionally in one status and matching a search text
 * (a case-insensitive substring of server name, title or description, taken literally, that {@link SearchText}
 * accepts).
 */
public record RegistrationQuery(
        Scope scope, Optional<RegistrationStatus> status, Optional<String> search, PageRequest page) {

    public RegistrationQuery {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(page, "page");
        search.ifPresent(SearchText::require);
    }

    /** The part of the registry a list shows; a deleted registration is in none. */
    public sealed interface Scope {
        /** Whether the scope holds {@code registration}, whose server {@code owners} own. */
        boolean includes(Registration registration, Owners owners);
    }

    /**
     * What {@code reader} may see, by the one {@link Visibility} rule: every registration that is not deleted for an
     * administrator; for anyone else the published ones, those they submitted and those of servers they own.
     */
    public record VisibleTo(Actor reader) implements Scope {
        public VisibleTo {
            Objects.requireNonNull(reader, "reader");
        }

        @Override
        public boolean includes(Registration registration, Owners owners) {
            return Visibility.sees(reader, registration, owners);
        }
    }

    /**
     * A reader's own registrations, in any status: those they submitted and those of the servers they own (as a user
     * or a member of an owning group). Deleted ones are gone.
     */
    public record Mine(Actor reader) implements Scope {
        public Mine {
            Objects.requireNonNull(reader, "reader");
        }

        @Override
        public boolean includes(Registration registration, Owners owners) {
            return !registration.isDeleted() && (reader.is(registration.submitterId()) || owners.includes(reader));
        }
    }
}
