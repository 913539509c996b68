package com.mcpregistry.domain.registration;

import static com.mcpregistry.domain.testing.RegistrationTestData.aRegistration;
import static com.mcpregistry.domain.testing.ServerDetailsTestData.someDetails;

import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.testing.RegistrationTestData;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.UserId;
import java.time.Instant;

/** The registration these tests share, in any state, built with {@link RegistrationTestData}. */
final class Fixtures {
    static final Instant CREATED = Instant.parse("2025-01-10T08:00:00Z");
    static final Instant REVIEWED = Instant.parse("2025-01-11T08:00:00Z");
    static final Instant NOW = Instant.parse("2025-02-01T12:30:00.123456Z");

    private Fixtures() {}

    static ServerDetails details() {
        return someDetails()
                .withDescription("Posts and reads ledger entries")
                .withEndpointUrl("https://ledger.contoso.com/mcp")
                .withOwnerContact("finance-tools@contoso.com")
                .withRepositoryUrl("https://github.com/contoso/ledger-tools")
                .withTags("finance", "ledger")
                .build();
    }

    /** {@link #details()} with every field changed. */
    static ServerDetails otherDetails() {
        return someDetails()
                .withTitle("Ledger tools v2")
                .withDescription("Now with reconciliation")
                .withEndpointUrl("https://ledger2.contoso.com/mcp")
                .withTransport(RemoteTransport.SSE)
                .withOwnerContact("ledger@contoso.com")
                .withDocumentationUrl("https://docs.contoso.com/ledger")
                .build();
    }

    /** A registration of {@code submitter} that is in {@code status}, as the workflow would have left it. */
    static Registration inStatus(RegistrationStatus status, UserId submitter) {
        RegistrationTestData.Builder registration = aRegistration()
                .withDetails(details())
                .submittedBy(submitter)
                .withStatus(status)
                .createdAt(CREATED)
                .updatedAt(REVIEWED)
                .withRowVersion(3);
        if (status == RegistrationStatus.REJECTED || status == RegistrationStatus.DEPRECATED) {
            registration.withStatusReason("earlier reason");
        }
        if (status != RegistrationStatus.PENDING) {
            registration.reviewedBy(UserId.random(), REVIEWED);
        }
        return registration.build();
    }

    static Registration deletedInStatus(RegistrationStatus status, UserId submitter) {
        return RegistrationTestData.from(inStatus(status, submitter))
                .deletedAt(REVIEWED)
                .build();
    }

    /** The four kinds of people relative to one registration. */
    /** The owners of {@code registration}'s server when its submitter is the one owner. */
    static Owners ownersOf(Registration registration) {
        return ownedBy(registration.submitterId());
    }

    static Owners ownedBy(UserId user) {
        return Owners.of(Owner.user(user));
    }

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
