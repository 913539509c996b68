package com.mcpregistry.domain.policy;

import com.mcpregistry.domain.registration.Registration;

/**
 * Where one version of a server stands in the policies clients enforce. The rule:
 *
 * <ul>
 *   <li>deleted, whatever its status: denied (a deletion is how the registry withdraws a server);
 *   <li>drifted (its tools changed since its approval saw them): denied, Deprecated or not;
 *   <li>Rejected: denied;
 *   <li>Approved: allowed;
 *   <li>Deprecated: allowed. A deprecated version is still published, and still the latest one a client finds
 *       (deprecating is a notice to move on, not a withdrawal): denying it would break every user of it at once,
 *       which only a deletion should do;
 *   <li>Pending: neither, until it is reviewed.
 * </ul>
 */
public enum PolicyStanding {
    ALLOWED,
    DENIED,
    NEITHER;

    /** Where {@code registration} stands, {@code drifted} saying whether any of its remotes drifted. */
    public static PolicyStanding of(Registration registration, boolean drifted) {
        if (registration.isDeleted() || drifted) {
            return DENIED;
        }
        return switch (registration.status()) {
            case APPROVED, DEPRECATED -> ALLOWED;
            case REJECTED -> DENIED;
            case PENDING -> NEITHER;
        };
    }
}
