package com.mcpregistry.domain.testing;

import com.mcpregistry.domain.audit.AuditAction;
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
 * Audit events built field by field: {@code anAuditEvent().by(admin).withAction(AuditAction.APPROVE).about(id).build()}.
 * By default a command-line event at {@link RegistrationTestData#T0} about nothing, with nothing else set.
 */
public final class AuditEventTestData {

    private AuditEventTestData() {}

    public static Builder anAuditEvent() {
        return new Builder();
    }

    /** A builder that starts from {@code e}. */
    public static Builder from(AuditEvent e) {
        Builder b = new Builder();
        b.id = e.id();
        b.at = e.at();
        b.actorId = e.actorId();
        b.action = e.action();
        b.registrationId = e.registrationId();
        b.fromStatus = e.fromStatus();
        b.toStatus = e.toStatus();
        b.reason = e.reason();
        b.requestId = e.requestId();
        b.changes = e.changes();
        return b;
    }

    public static final class Builder {
        private UUID id = UUID.randomUUID();
        private Instant at = RegistrationTestData.T0;
        private Optional<UserId> actorId = Optional.empty();
        private AuditAction action = AuditAction.SUBMIT;
        private Optional<RegistrationId> registrationId = Optional.empty();
        private Optional<RegistrationStatus> fromStatus = Optional.empty();
        private Optional<RegistrationStatus> toStatus = Optional.empty();
        private Optional<String> reason = Optional.empty();
        private Optional<String> requestId = Optional.empty();
        private List<FieldChange> changes = List.of();

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

        public Builder withAction(AuditAction value) {
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
