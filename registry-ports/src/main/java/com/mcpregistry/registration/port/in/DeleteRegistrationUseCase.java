package com.mcpregistry.registration.port.in;

import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.user.Actor;
import java.util.Objects;
import java.util.Optional;

/** Soft-deletes a registration: administrators always, submitters while it is Pending or Rejected. */
public interface DeleteRegistrationUseCase {

    void delete(DeleteRegistration command);

    record DeleteRegistration(
            Actor actor, RegistrationId id, Optional<Long> expectedRowVersion, Optional<String> requestId) {
        public DeleteRegistration {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(expectedRowVersion, "expectedRowVersion");
            Objects.requireNonNull(requestId, "requestId");
        }
    }
}
