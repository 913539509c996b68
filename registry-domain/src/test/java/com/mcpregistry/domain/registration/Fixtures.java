package com.mcpregistry.domain.registration;

import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Valid values and registrations in any state, built directly so that tests do not depend on the workflow. */
final class Fixtures {
    static final Instant CREATED = Instant.parse("2025-01-10T08:00:00Z");
    static final Instant REVIEWED = Instant.parse("2025-01-11T08:00:00Z");
    static final Instant NOW = Instant.parse("2025-02-01T12:30:00.123456Z");

    private Fixtures() {}

    static ServerDetails details() {
        return new ServerDetails(
                new Title("Ledger tools"),
                new Description("Posts and reads ledger entries"),
                new HttpUrl("https://ledger.contoso.com/mcp"),
                Transport.STREAMABLE_HTTP,
                new OwnerContact("finance-tools@contoso.com"),
                Optional.of(new HttpUrl("https://github.com/contoso/ledger-tools")),
                Optional.empty(),
                new Tags(List.of("finance", "ledger")));
    }

    /** {@link #details()} with every field changed. */
    static ServerDetails otherDetails() {
        return new ServerDetails(
                new Title("Ledger tools v2"),
                new Description("Now with reconciliation"),
                new HttpUrl("https://ledger2.contoso.com/mcp"),
                Transport.SSE,
                new OwnerContact("ledger@contoso.com"),
                Optional.empty(),
                Optional.of(new HttpUrl("https://docs.contoso.com/ledger")),
                Tags.NONE);
    }

    /** A registration of {@code submitter} that is in {@code status}, as the workflow would have left it. */
    static Registration inStatus(RegistrationStatus status, UserId submitter) {
        boolean reviewed = status != RegistrationStatus.PENDING;
        boolean withReason = status == RegistrationStatus.REJECTED || status == RegistrationStatus.DEPRECATED;
        return new Registration(
                RegistrationId.random(),
                new ServerName("com.contoso.finance/ledger-tools"),
                new Version("1.0.0"),
                details(),
                submitter,
                status,
                withReason ? Optional.of(new Reason("earlier reason")) : Optional.empty(),
                reviewed ? Optional.of(UserId.random()) : Optional.empty(),
                reviewed ? Optional.of(REVIEWED) : Optional.empty(),
                CREATED,
                REVIEWED,
                3,
                Optional.empty());
    }

    static Registration deletedInStatus(RegistrationStatus status, UserId submitter) {
        Registration r = inStatus(status, submitter);
        return new Registration(
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
                Optional.of(REVIEWED));
    }

    /** The four kinds of people relative to one registration. */
    enum Role {
        ADMIN_SUBMITTER("admin+submitter"),
        ADMIN("admin"),
        SUBMITTER("submitter"),
        OTHER("other");

        final String column;

        Role(String column) {
            this.column = column;
        }

        Actor actorFor(UserId submitter) {
            return switch (this) {
                case ADMIN_SUBMITTER -> new Actor(submitter, true);
                case ADMIN -> new Actor(UserId.random(), true);
                case SUBMITTER -> new Actor(submitter, false);
                case OTHER -> new Actor(UserId.random(), false);
            };
        }

        @Override
        public String toString() {
            return column;
        }
    }
}
