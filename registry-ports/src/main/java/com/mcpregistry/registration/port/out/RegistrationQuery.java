package com.mcpregistry.registration.port.out;

import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.paging.PageRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * Which registrations a list shows: those in {@code scope}, optionally in one status and matching a search text
 * (a case-insensitive substring of server name, title or description, taken literally).
 */
public record RegistrationQuery(
        Scope scope, Optional<RegistrationStatus> status, Optional<String> search, PageRequest page) {

    public RegistrationQuery {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(page, "page");
    }

    /** The part of the registry a reader may list. */
    public sealed interface Scope {
        boolean includes(Registration registration);
    }

    /** Everything not deleted: what an administrator sees. */
    public record Everything() implements Scope {
        @Override
        public boolean includes(Registration registration) {
            return true;
        }
    }

    /** Approved and Deprecated registrations, plus any of {@code viewer}'s own. */
    public record PublishedOrOwnedBy(UserId viewer) implements Scope {
        @Override
        public boolean includes(Registration registration) {
            return registration.status().isPublished()
                    || registration.submitterId().equals(viewer);
        }
    }

    /** Only registrations {@code submitter} submitted. */
    public record SubmittedBy(UserId submitter) implements Scope {
        @Override
        public boolean includes(Registration registration) {
            return registration.submitterId().equals(submitter);
        }
    }
}
