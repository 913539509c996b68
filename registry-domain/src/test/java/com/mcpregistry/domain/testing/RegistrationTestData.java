package com.mcpregistry.domain.testing;

import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
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
        return new Builder();
    }

    /** A builder that starts from {@code r}. */
    public static Builder from(Registration r) {
        Builder b = new Builder();
        b.id = r.id();
        b.serverName = r.serverName();
        b.version = r.version();
        b.details = r.details();
        b.submitterId = r.submitterId();
        b.status = r.status();
        b.statusReason = r.statusReason();
        b.reviewedBy = r.reviewedBy();
        b.reviewedAt = r.reviewedAt();
        b.createdAt = r.createdAt();
        b.updatedAt = r.updatedAt();
        b.rowVersion = r.rowVersion();
        b.deletedAt = r.deletedAt();
        return b;
    }

    public static final class Builder {
        private RegistrationId id = RegistrationId.random();
        private ServerName serverName = new ServerName("com.contoso.finance/ledger-tools");
        private Version version = new Version("1.0.0");
        private ServerDetails details = ServerDetailsTestData.someDetails().build();
        private UserId submitterId = UserId.random();
        private RegistrationStatus status = RegistrationStatus.PENDING;
        private Optional<Reason> statusReason = Optional.empty();
        private Optional<UserId> reviewedBy = Optional.empty();
        private Optional<Instant> reviewedAt = Optional.empty();
        private Instant createdAt = T0;
        private Instant updatedAt = T0;
        private long rowVersion = 1;
        private Optional<Instant> deletedAt = Optional.empty();

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
