package com.mcpregistry.contract;

import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.registration.Description;
import com.mcpregistry.domain.registration.HttpUrl;
import com.mcpregistry.domain.registration.OwnerContact;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.ServerName;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.registration.Title;
import com.mcpregistry.domain.registration.Transport;
import com.mcpregistry.domain.registration.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.user.EntraIdentity;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * Values for the contract tests. Every adapter under test may hold rows of other tests, so each test makes its
 * own users, server-name namespace and audit actions and looks only at those.
 */
public final class Fixtures {

    /** A moment with whole microseconds, as the services store them. */
    public static final Instant T0 = Instant.parse("2025-03-01T09:00:00.123456Z");

    private Fixtures() {}

    /** Eight random lower-case hex characters. */
    public static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** A reverse-DNS namespace no other test uses, e.g. {@code com.t1a2b3c4d}. */
    public static String namespace() {
        return "com.t" + unique();
    }

    public static User user() {
        String tag = unique();
        return new User(
                UserId.random(),
                new EntraIdentity("tenant-" + tag, "oid-" + tag),
                Optional.of("user-" + tag + "@example.com"),
                "Test User " + tag,
                false,
                T0,
                T0,
                T0);
    }

    public static ServerDetails details(String endpointUrl) {
        return new ServerDetails(
                new Title("Ledger tools"),
                new Description("Reads and books ledger entries"),
                new HttpUrl(endpointUrl),
                Transport.STREAMABLE_HTTP,
                new OwnerContact("owner@example.com"),
                Optional.empty(),
                Optional.empty(),
                Tags.NONE);
    }

    public static Registration pending(
            UserId submitter, String serverName, String version, String endpointUrl, Instant createdAt) {
        return pending(submitter, serverName, version, details(endpointUrl), createdAt);
    }

    public static Registration pending(
            UserId submitter, String serverName, String version, ServerDetails details, Instant createdAt) {
        return new Registration(
                RegistrationId.random(),
                new ServerName(serverName),
                new Version(version),
                details,
                submitter,
                RegistrationStatus.PENDING,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                createdAt,
                createdAt,
                1,
                Optional.empty());
    }

    /** {@code r} moved to {@code status} by {@code reviewer} at {@code at}, stored one row version later. */
    public static Registration reviewed(Registration r, RegistrationStatus status, UserId reviewer, Instant at) {
        boolean needsReason = status == RegistrationStatus.REJECTED || status == RegistrationStatus.DEPRECATED;
        return new Registration(
                r.id(),
                r.serverName(),
                r.version(),
                r.details(),
                r.submitterId(),
                status,
                needsReason ? Optional.of(new Reason("reviewed in a test")) : Optional.empty(),
                Optional.of(reviewer),
                Optional.of(at),
                r.createdAt(),
                at,
                r.rowVersion() + 1,
                r.deletedAt());
    }

    /** {@code r} with other details, stored one row version later. */
    public static Registration edited(Registration r, ServerDetails details, Instant at) {
        return new Registration(
                r.id(),
                r.serverName(),
                r.version(),
                details,
                r.submitterId(),
                r.status(),
                r.statusReason(),
                r.reviewedBy(),
                r.reviewedAt(),
                r.createdAt(),
                at,
                r.rowVersion() + 1,
                r.deletedAt());
    }

    /** {@code r} soft-deleted at {@code at}, stored one row version later. */
    public static Registration deleted(Registration r, Instant at) {
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
                at,
                r.rowVersion() + 1,
                Optional.of(at));
    }

    public static AuditEvent event(UserId actor, String action, Optional<RegistrationId> registration, Instant at) {
        return new AuditEvent(
                UUID.randomUUID(),
                at,
                Optional.of(actor),
                action,
                registration,
                Optional.of(RegistrationStatus.PENDING),
                Optional.of(RegistrationStatus.APPROVED),
                Optional.empty(),
                Optional.of("req-" + unique()));
    }

    /** An audit action name no other test uses. */
    public static String action() {
        return "probe_" + unique();
    }

    /** Newest first, ties broken by the higher id: the order every list of the registry uses. */
    public static final Comparator<Registration> NEWEST_REGISTRATION_FIRST = Comparator.comparing(
                    Registration::createdAt)
            .thenComparing(r -> r.id().value(), Fixtures::compareIds)
            .reversed();

    public static final Comparator<AuditEvent> NEWEST_EVENT_FIRST = Comparator.comparing(AuditEvent::at)
            .thenComparing(AuditEvent::id, Fixtures::compareIds)
            .reversed();

    /** Ids compare as unsigned 128-bit numbers, which is how PostgreSQL orders uuid values. */
    public static int compareIds(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
