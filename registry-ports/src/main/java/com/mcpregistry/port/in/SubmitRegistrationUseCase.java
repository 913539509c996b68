package com.mcpregistry.port.in;

import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.ServerName;
import com.mcpregistry.domain.registration.Version;
import com.mcpregistry.domain.user.Actor;
import java.util.Objects;
import java.util.Optional;

/** Any signed-in user submits one version of an MCP server for review. */
public interface SubmitRegistrationUseCase {

    /** Stores the registration in {@code Pending} with its audit event. */
    Registration submit(SubmitRegistration command);

    record SubmitRegistration(
            Actor actor, ServerName serverName, Version version, ServerDetails details, Optional<String> requestId) {
        public SubmitRegistration {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(serverName, "serverName");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(requestId, "requestId");
        }
    }
}
