package com.mcpregistry.publication;

import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.shared.RegistrationStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registration as the MCP Registry API publishes it: approved at {@code publishedAt} (its first approval), now
 * active, deprecated or deleted, and whether it is its server's latest version.
 */
public record PublishedServer(Registration registration, Instant publishedAt, boolean latest) {

    public PublishedServer {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (!registration.status().isPublished()) {
            throw new IllegalArgumentException("only approved or deprecated registrations are published, not "
                    + registration.status().label());
        }
    }

    /** The lifecycle status of the MCP Registry API, with its wire names. */
    public enum Status {
        ACTIVE("active"),
        DEPRECATED("deprecated"),
        DELETED("deleted");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public Status status() {
        if (registration.isDeleted()) {
            return Status.DELETED;
        }
        return registration.status() == RegistrationStatus.DEPRECATED ? Status.DEPRECATED : Status.ACTIVE;
    }

    /** Why the version is deprecated, while it is. */
    public Optional<String> statusMessage() {
        return status() == Status.DEPRECATED ? registration.statusReason().map(Reason::value) : Optional.empty();
    }

    /** When the status last changed: the deletion, else the last review (approval, deprecation, reactivation). */
    public Instant statusChangedAt() {
        return registration.deletedAt().or(registration::reviewedAt).orElse(publishedAt);
    }

    /** When anything a reader sees last changed, the latest flag included: what {@code updated_since} compares. */
    public Instant updatedAt() {
        return registration.updatedAt();
    }
}
