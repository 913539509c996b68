package com.mcpregistry.registration.port.in;

import com.mcpregistry.domain.registration.DetailsPatch;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.user.Actor;
import java.util.Objects;
import java.util.Optional;

/** The submitter changes a registration that is Pending or Rejected; it goes back to Pending. */
public interface EditRegistrationUseCase {

    Registration edit(EditRegistration command);

    /** {@code expectedRowVersion} is the client's If-Match, when it sent one. */
    record EditRegistration(
            Actor actor,
            RegistrationId id,
            DetailsPatch patch,
            Optional<Long> expectedRowVersion,
            Optional<String> requestId) {
        public EditRegistration {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(patch, "patch");
            Objects.requireNonNull(expectedRowVersion, "expectedRowVersion");
            Objects.requireNonNull(requestId, "requestId");
        }
    }
}
