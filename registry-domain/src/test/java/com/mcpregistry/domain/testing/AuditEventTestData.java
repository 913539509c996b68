package com.mcpregistry.domain.testing;

import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.audit.FieldChange;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Audit events built field by field: {@code anAuditEvent().by(admin).withAction("approve").about(id).build()}.
 * By default a command-line event at {@link RegistrationTestData#T0} about nothing, with nothing else set.
 */
public final class AuditEventTestData {

    private AuditEventTestData() {}

    public static Builder anAuditEvent() {
        return new Builder(
                UUID.randomUUID(),
                RegistrationTestData.T0,
                Optional.empty(),
                "submit",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of());
    }

    /** A builder that starts from {@code e}. */
    public static Builder from(AuditEvent e) {
        return new Builder(
                e.id(),
                e.at(),
                e.actorId(),
                e.action(),
                e.registrationId(),
                e.fromStatus(),
                e.toStatus(),
                e.reason(),
                e.requestId(),
                e.changes());
    }

    public static final class Builder {
        private UUID id;
        private Instant at;
        private Optional<UserId> actorId;
        private String action;
        private Optional<RegistrationId> registrationId;
        private Optional<RegistrationStatus> fromStatus;
        private Optional<RegistrationStatus> toStatus;
        private Optional<String> reason;
        private Optional<String> requestId;
        private List<FieldChange> changes;

        private Builder(
                UUID id,
                Instant at,
                Optional<UserId> actorId,
                String action,
                Optional<RegistrationId> registrationId,
                Optional<RegistrationStatus> fromStatus,
                Optional<RegistrationStatus> toStatus,
                Optional<String> reason,
                Optional<String> requestId,
                List<FieldChange> changes) {
            this.id = id;
            this.at = at;
            this.actorId = actorId;
            this.action = action;
            this.registrationId = registrationId;
            this.fromStatus = fromStatus;
            this.toStatus = toStatus;
            this.reason = reason;
            this.requestId = requestId;
            this.changes = changes;
        }

        public Builder withId(UUID value) {
            this.id = value;
            return this;
        }

        public Builder at(Instant value) {
            this.at = value;
            return this;
        }

        public Builder by(UserId actor) {
            return by(Optional.of(actor));
        }

        /** Empty: done from the command line. */
        public Builder by(Optional<UserId> actor) {
            this.actorId = actor;
            return this;
        }

        public Builder withAction(String value) {
            this.action = value;
            return this;
        }

        public Builder about(RegistrationId registration) {
            return about(Optional.of(registration));
        }

        /** Empty: a change to a user. */
        public Builder about(Optional<RegistrationId> registration) {
            this.registrationId = registration;
            return this;
        }

        public Builder from(RegistrationStatus status) {
            this.fromStatus = Optional.of(status);
            return this;
        }

        /** Empty: not a change of status. */
        public Builder from(Optional<RegistrationStatus> status) {
            this.fromStatus = status;
            return this;
        }

        public Builder to(RegistrationStatus status) {
            this.toStatus = Optional.of(status);
            return this;
        }

        public Builder to(Optional<RegistrationStatus> status) {
            this.toStatus = status;
            return this;
        }

        public Builder withReason(String value) {
            this.reason = Optional.of(value);
            return this;
        }

        public Builder withReason(Optional<String> value) {
            this.reason = value;
            return this;
        }

        public Builder withRequestId(String value) {
            this.requestId = Optional.of(value);
            return this;
        }

        public Builder withRequestId(Optional<String> value) {
            this.requestId = value;
            return this;
        }

        public Builder withChanges(List<FieldChange> value) {
            this.changes = value;
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(
                    id, at, actorId, action, registrationId, fromStatus, toStatus, reason, requestId, changes);
        }
    }
}
