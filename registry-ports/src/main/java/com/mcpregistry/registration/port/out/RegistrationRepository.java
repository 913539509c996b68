package com.mcpregistry.registration.port.out;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.paging.Page;
import java.util.Optional;

/** Where registrations are kept. */
public interface RegistrationRepository {

    /**
     * Stores a new registration.
     *
     * @throws Conflict when a registration has, or had before it was deleted, the same server name and version (a
     *     version is never reused: see {@link VersionConflicts}), or its endpoint URL belongs to another server name
     *     among non-deleted registrations
     */
    void insert(Registration registration);

    /**
     * Replaces the stored registration with {@code registration}, provided the stored one is still at {@code
     * expectedRowVersion}.
     *
     * @throws Conflict when the stored registration changed meanwhile, or on the uniqueness rules of {@link
     *     #insert}
     */
    void update(Registration registration, long expectedRowVersion);

    /** The registration with this id, deleted or not. */
    Optional<Registration> findById(RegistrationId id);

    /** Non-deleted registrations matching the query, newest first (by creation time, then id). */
    Page<Registration> find(RegistrationQuery query);
}
