package com.mcpregistry.registration.port.out;

import com.mcpregistry.domain.error.AlreadyTaken;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.Locator;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.paging.Page;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where registrations are kept. Remote URLs and packages are compared by their {@link Locator}: two spellings of one
 * place are one place.
 */
public interface RegistrationRepository {

    /**
     * Stores a new registration.
     *
     * @throws AlreadyTaken when a registration has, or had before it was deleted, the same server name and version (a
     *     version is never reused), or one of its locators belongs to another server name among non-deleted
     *     registrations; said as {@link UniquenessConflicts#versionTaken} and {@link UniquenessConflicts#locatorTaken}
     *     say it
     * @throws Conflict when a registration with its id exists
     */
    void insert(Registration registration);

    /**
     * Replaces the stored registration with {@code registration}, provided the stored one is still at {@code
     * expectedRowVersion}.
     *
     * @throws Conflict when the stored registration changed meanwhile, or ({@link AlreadyTaken}) on the uniqueness
     *     rules of {@link #insert}
     */
    void update(Registration registration, long expectedRowVersion);

    /** The registration with this id, deleted or not. */
    Optional<Registration> findById(RegistrationId id);

    /** The registration that holds this server name and version: the live one, else the deleted one, if any. */
    Optional<Registration> findByNameAndVersion(ServerName name, Version version);

    /** A registration, not deleted, of a server other than {@code except} that holds one of {@code locators}. */
    Optional<Registration> findLocatorHolder(Set<Locator> locators, ServerName except);

    /** Non-deleted registrations matching the query, newest first (by creation time, then id). */
    Page<Registration> find(RegistrationQuery query);

    /**
     * Every registration a client policy speaks of: each one reviewed (Approved, Deprecated or Rejected) and each
     * deleted one, whatever its status; by server name, then oldest first (by creation time, then id). Pending
     * registrations that are not deleted are not in it.
     */
    List<Registration> findReviewedOrDeleted();
}
