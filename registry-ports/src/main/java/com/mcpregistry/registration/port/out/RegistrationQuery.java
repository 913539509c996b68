package com.mcpregistry.registration.port.out;

import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.Visibility;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.UserId;
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
        boolean includes(Registration registration);
    }

    /**
     * What {@code reader} may see, by the one {@link Visibility} rule: every registration that is not deleted for an
     * administrator, the published ones and their own for anyone else.
     */
    public record VisibleTo(Actor reader) implements Scope {
        public VisibleTo {
            Objects.requireNonNull(reader, "reader");
        }

        @Override
        public boolean includes(Registration registration) {
            return Visibility.sees(reader, registration);
        }
    }

    /** Only registrations {@code submitter} submitted and that are not deleted. */
    public record SubmittedBy(UserId submitter) implements Scope {
        public SubmittedBy {
            Objects.requireNonNull(submitter, "submitter");
        }

        @Override
        public boolean includes(Registration registration) {
            return !registration.isDeleted() && registration.submitterId().equals(submitter);
        }
    }
}
