package com.mcpregistry.domain.testing;

import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.ServerName;
import com.mcpregistry.domain.registration.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Registrations in any state, built directly rather than through the workflow, so that a test states only what
 * it is about: {@code aRegistration().submittedBy(alice).withStatus(APPROVED).build()}.
 */
public final class RegistrationTestData {

    /** A moment with whole microseconds, as the services store them. */
    public static final Instant T0 = Instant.parse("2025-03-01T09:00:00.123456Z");

    private RegistrationTestData() {}

    /** A pending registration of a random submitter, created at {@link #T0}, stored once. */
    public static Builder aRegistration() {
        return new Builder(
                RegistrationId.random(),
                new ServerName("com.contoso.finance/ledger-tools"),
                new Version("1.0.0"),
                ServerDetailsTestData.someDetails().build(),
                UserId.random(),
                RegistrationStatus.PENDING,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                T0,
                T0,
                1,
                Optional.empty());
    }

    /** A builder that starts from {@code r}. */
    public static Builder from(Registration r) {
        return new Builder(
                r.id(),
                r.serverName(),
                r.version(),
                r.details(),
                r.submitterId(),
                r.status(),
                r.statusReason(),
                r.reviewedBy(),
                r.reviewedAt(),
                r.createdAt(),
                r.updatedAt(),
                r.rowVersion(),
                r.deletedAt());
    }

    public static final class Builder {
        private RegistrationId id;
        private ServerName serverName;
        private Version version;
        private ServerDetails details;
        private UserId submitterId;
        private RegistrationStatus status;
        private Optional<Reason> statusReason;
        private Optional<UserId> reviewedBy;
        private Optional<Instant> reviewedAt;
        private Instant createdAt;
        private Instant updatedAt;
        private long rowVersion;
        private Optional<Instant> deletedAt;

        private Builder(
                RegistrationId id,
                ServerName serverName,
                Version version,
                ServerDetails details,
                UserId submitterId,
                RegistrationStatus status,
                Optional<Reason> statusReason,
                Optional<UserId> reviewedBy,
                Optional<Instant> reviewedAt,
                Instant createdAt,
                Instant updatedAt,
                long rowVersion,
                Optional<Instant> deletedAt) {
            this.id = id;
            this.serverName = serverName;
            this.version = version;
            this.details = details;
            this.submitterId = submitterId;
            this.status = status;
            this.statusReason = statusReason;
            this.reviewedBy = reviewedBy;
            this.reviewedAt = reviewedAt;
            this.createdAt = createdAt;
            this.updatedAt = updatedAt;
            this.rowVersion = rowVersion;
            this.deletedAt = deletedAt;
        }

        public Builder withServerName(String value) {
            this.serverName = new ServerName(value);
            return this;
        }

        public Builder withVersion(String value) {
            this.version = new Version(value);
            return this;
        }

        public Builder withDetails(ServerDetails value) {
            this.details = value;
            return this;
        }

        public Builder submittedBy(UserId value) {
            this.submitterId = value;
            return this;
        }

        public Builder withStatus(RegistrationStatus value) {
            this.status = value;
            return this;
        }

        public Builder withStatusReason(String value) {
            this.statusReason = Optional.of(new Reason(value));
            return this;
        }

        public Builder withoutStatusReason() {
            this.statusReason = Optional.empty();
            return this;
        }

        public Builder reviewedBy(UserId reviewer, Instant at) {
            this.reviewedBy = Optional.of(reviewer);
            this.reviewedAt = Optional.of(at);
            return this;
        }

        /** Created and last stored at {@code at}. */
        public Builder createdAt(Instant at) {
            this.createdAt = at;
            this.updatedAt = at;
            return this;
        }

        public Builder updatedAt(Instant at) {
            this.updatedAt = at;
            return this;
        }

        public Builder withRowVersion(long value) {
            this.rowVersion = value;
            return this;
        }

        /** Stored once more, at {@code at}: one row version later. */
        public Builder storedAgainAt(Instant at) {
            this.updatedAt = at;
            this.rowVersion = rowVersion + 1;
            return this;
        }

        public Builder deletedAt(Instant at) {
            this.deletedAt = Optional.of(at);
            return this;
        }

        public Registration build() {
            return new Registration(
                    id,
                    serverName,
                    version,
                    details,
                    submitterId,
                    status,
                    statusReason,
                    reviewedBy,
                    reviewedAt,
                    createdAt,
                    updatedAt,
                    rowVersion,
                    deletedAt);
        }
    }
}
