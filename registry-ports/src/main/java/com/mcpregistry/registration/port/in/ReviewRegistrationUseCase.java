package com.mcpregistry.registration.port.in;

import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.Actor;
import java.util.Objects;
import java.util.Optional;

/** An administrator approves, rejects, deprecates or reactivates a registration; a submitter may deprecate. */
public interface ReviewRegistrationUseCase {

    /**
     * Of concurrent changes to one registration exactly one succeeds; the others are a {@code Conflict}.
     *
     * @throws com.mcpregistry.domain.error.StaleVersion when the registration is no longer at the expected version
     * @throws com.mcpregistry.domain.error.VersionRequired when a verdict that must name a version names none
     */
    Registration changeStatus(ChangeStatus command);

    /**
     * A move of registration {@code id} to {@code target}. {@code expectedRowVersion} is the version the actor decided
     * on; with {@code verdictNamesVersion}, an approval or rejection must name one, because the submitter may have
     * edited the registration since the actor read it.
     */
    record ChangeStatus(
            Actor actor,
            RegistrationId id,
            RegistrationStatus target,
            Optional<Reason> reason,
            Optional<Long> expectedRowVersion,
            Optional<String> requestId,
            boolean verdictNamesVersion) {
        public ChangeStatus {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(expectedRowVersion, "expectedRowVersion");
            Objects.requireNonNull(requestId, "requestId");
        }

        /** A change whose verdict need not name a version, as before the requirement existed. */
        public ChangeStatus(
                Actor actor,
                RegistrationId id,
                RegistrationStatus target,
                Optional<Reason> reason,
                Optional<Long> expectedRowVersion,
                Optional<String> requestId) {
            this(actor, id, target, reason, expectedRowVersion, requestId, false);
        }
    }
}
