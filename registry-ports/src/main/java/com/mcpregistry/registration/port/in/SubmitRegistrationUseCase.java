package com.mcpregistry.registration.port.in;

import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.user.Actor;
import java.util.Objects;
import java.util.Optional;

/** Any signed-in user submits one version of an MCP server for review. */
public interface SubmitRegistrationUseCase {

    /**
     * Stores the registration in {@code Pending} with its audit event. With an idempotency key already used by
     * the same actor for the same request, returns the registration that request created instead.
     *
     * @throws com.mcpregistry.domain.error.IdempotencyKeyReused when the key was used for a different request
     */
    Registration submit(SubmitRegistration command);

    record SubmitRegistration(
            Actor actor,
            ServerName serverName,
            Version version,
            ServerDetails details,
            Optional<IdempotencyKey> idempotencyKey,
            Optional<String> requestId) {
        public SubmitRegistration {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(serverName, "serverName");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    /** A client's idempotency key and a fingerprint (hash) of the request it came with. */
    record IdempotencyKey(String key, String requestFingerprint) {
        public static final int MAX_LENGTH = 255;

        public IdempotencyKey {
            com.mcpregistry.domain.Text.require("idempotency_key", key, MAX_LENGTH);
            Objects.requireNonNull(requestFingerprint, "requestFingerprint");
        }
    }
}
