package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.user.Actor;
import java.util.function.Supplier;

/**
 * The one rule for who sees a registration: nobody a deleted one; an administrator every other; anyone else the
 * published ones ({@code Approved}, {@code Deprecated}), those they submitted and those of the servers they own (as a
 * user or a member of an owning group) in any status. Single reads use it through
 * {@link Registration#isVisibleTo}; lists ask a repository for the registrations visible to a reader, and a contract
 * test holds every repository (its SQL too) to this rule.
 */
public final class Visibility {

    private Visibility() {}

    /** Whether {@code reader} sees {@code registration}, whose server {@code owners} own. */
    public static boolean sees(Actor reader, Registration registration, Owners owners) {
        return sees(reader, registration, () -> owners);
    }

    /** {@link #sees(Actor, Registration, Owners)}, asking for the owners only when the answer depends on them. */
    public static boolean sees(Actor reader, Registration registration, Supplier<Owners> owners) {
        return !registration.isDeleted()
                && (reader.admin()
                        || registration.status().isPublished()
                        || reader.is(registration.submitterId())
                        || owners.get().includes(reader));
    }
}
