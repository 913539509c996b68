package com.mcpregistry.registration.port.in;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.paging.Page;
import com.mcpregistry.paging.PageRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads registrations as a given actor sees them: administrators see all, others the Approved and Deprecated
 * ones and their own. What an actor may not see is reported as not found, never as forbidden.
 */
public interface FindRegistrationsUseCase {

    Registration get(Actor actor, RegistrationId id);

    Page<Registration> list(Actor actor, RegistrationFilter filter);

    /** Only the actor's own registrations. */
    Page<Registration> listMine(Actor actor, RegistrationFilter filter);

    /**
     * The audit events of one registration, oldest first, with their actors' names and e-mails: for administrators
     * and its submitter, the only readers of a history, and both allowed to know who acted on it.
     */
    List<AuditEntry> history(Actor actor, RegistrationId id);

    record RegistrationFilter(Optional<RegistrationStatus> status, Optional<String> search, PageRequest page) {
        public RegistrationFilter {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(search, "search");
            Objects.requireNonNull(page, "page");
        }
    }
}
