package com.mcpregistry.registration.port.in;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.domain.registration.Action;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.paging.Page;
import com.mcpregistry.paging.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads registrations as a given actor sees them: administrators see all, others the Approved and Deprecated
 * ones, those they submitted and those of the servers they own. What an actor may not see is reported as not found, never as forbidden.
 */
public interface FindRegistrationsUseCase {

    Registration get(Actor actor, RegistrationId id);

    Page<Registration> list(Actor actor, RegistrationFilter filter);

    /** Only the actor's own registrations: those they submitted and those of the servers they own. */
    Page<Registration> listMine(Actor actor, RegistrationFilter filter);

    /**
     * What {@code actor} may do with each of {@code shown} now (edit, approve, deprecate, …), by the workflow and the
     * owners of each one's server, so that a client need not re-implement the rules.
     */
    Map<RegistrationId, List<Action>> actionsOpenTo(Actor actor, List<Registration> shown);

    /**
     * The audit events of one registration, oldest first, with their actors' names and e-mails: for administrators,
     * its submitter and its server's owners, the only readers of a history, all allowed to know who acted on it.
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
