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

    /** Of concurrent changes to one registration exactly one succeeds; the others are a {@code Conflict}. */
    Registration changeStatus(ChangeStatus command);

    record ChangeStatus(
            Actor actor,
            RegistrationId id,
            RegistrationStatus target,
            Optional<Reason> reason,
            Optional<Long> expectedRowVersion,
            Optional<String> requestId) {
        public ChangeStatus {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(expectedRowVersion, "expectedRowVersion");
            Objects.requireNonNull(requestId, "requestId");
        }
    }
}
