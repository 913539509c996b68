package com.mcpregistry.contract;

import static com.mcpregistry.domain.testing.AuditEventTestData.anAuditEvent;
import static com.mcpregistry.domain.testing.RegistrationTestData.aRegistration;
import static com.mcpregistry.domain.testing.RegistrationTestData.from;
import static com.mcpregistry.domain.testing.ServerDetailsTestData.someDetails;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.registration.OwnerContact;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.serverjson.Package;
import com.mcpregistry.domain.serverjson.Remote;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.serverjson.UrlTemplate;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.testing.RegistrationTestData;
import com.mcpregistry.domain.testing.ServerDocumentTestData;
import com.mcpregistry.domain.testing.UserTestData;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.GroupId;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.registration.port.out.RegistrationQuery;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Values for the contract tests. Every adapter under test may hold rows of other tests, so each test makes its
 * own users, server-name namespace and audit actions and looks only at those. The values themselves come from the
 * shared test data builders ({@code com.mcpregistry.domain.testing}).
 */
public final class Fixtures {

    /** A moment with whole microseconds, as the services store them. */
    public static final Instant T0 = RegistrationTestData.T0;

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
        return UserTestData.aUser().build();
    }

    public static ServerDetails details(String endpointUrl) {
        return someDetails().withEndpointUrl(endpointUrl).build();
    }

    /** Details holding the server.json {@code definition}, with an owner contact and no tags. */
    public static ServerDetails details(ServerDefinition definition) {
        return new ServerDetails(definition, Optional.of(new OwnerContact("owner@example.com")), Tags.NONE);
    }

    /**
     * The official examples' packages of every type and their remote with headers and URL variables ({@link
     * ServerDocumentTestData}), under identifiers and a URL of {@code namespace}'s own, so that no other test's server
     * holds them.
     */
    public static ServerDefinition everyKindOfPackageAndARichRemote(String namespace) {
        String label = namespace.replace('.', '-');
        return ServerDocumentTestData.definition(
                List.of(
                        identifiedAs(ServerDocumentTestData.npmPackage(), "@" + label + "/server-weather"),
                        identifiedAs(ServerDocumentTestData.pypiPackage(), label + "-weather-mcp-server"),
                        identifiedAs(ServerDocumentTestData.nugetPackage(), label + ".SampleMcpServer"),
                        identifiedAs(
                                ServerDocumentTestData.ociPackage(), "ghcr.io/" + label + "/server-filesystem:1.0.2"),
                        identifiedAs(
                                ServerDocumentTestData.mcpbPackage(),
                                "https://github.com/" + label + "/weather/releases/download/v1.0.0/weather.mcpb")),
                List.of(at(
                        ServerDocumentTestData.remoteWithHeadersAndVariables(),
                        "https://{host}." + namespace + ".example.com/mcp")));
    }

    /** A definition of one package, besides the seed's remote at {@code endpointUrl}. */
    public static ServerDefinition withPackage(String endpointUrl, Package pkg) {
        ServerDefinition remote = details(endpointUrl).definition();
        return new ServerDefinition(
                remote.description(),
                remote.title(),
                remote.websiteUrl(),
                remote.repository(),
                remote.icons(),
                List.of(pkg),
                remote.remotes(),
                remote.publisherMeta());
    }

    /** {@code pkg}, identified by {@code identifier}. */
    public static Package identifiedAs(Package pkg, String identifier) {
        return new Package(
                pkg.registryType(),
                pkg.registryBaseUrl(),
                identifier,
                pkg.version(),
                pkg.fileSha256(),
                pkg.runtimeHint(),
                pkg.transport(),
                pkg.runtimeArguments(),
                pkg.packageArguments(),
                pkg.environmentVariables());
    }

    /** {@code remote}, at {@code url}. */
    public static Remote at(Remote remote, String url) {
        return new Remote(remote.type(), new UrlTemplate(url), remote.headers(), remote.variables());
    }

    public static Registration pending(
            UserId submitter, String serverName, String version, String endpointUrl, Instant createdAt) {
        return pending(submitter, serverName, version, details(endpointUrl), createdAt);
    }

    public static Registration pending(
            UserId submitter, String serverName, String version, ServerDetails details, Instant createdAt) {
        return aRegistration()
                .withServerName(serverName)
                .withVersion(version)
                .withDetails(details)
                .submittedBy(submitter)
                .createdAt(createdAt)
                .build();
    }

    /** {@code r} moved to {@code status} by {@code reviewer} at {@code at}, stored one row version later. */
    public static Registration reviewed(Registration r, RegistrationStatus status, UserId reviewer, Instant at) {
        RegistrationTestData.Builder reviewed = from(r).withStatus(status)
                .withoutStatusReason()
                .reviewedBy(reviewer, at)
                .storedAgainAt(at);
        if (status == RegistrationStatus.REJECTED || status == RegistrationStatus.DEPRECATED) {
            reviewed.withStatusReason("reviewed in a test");
        }
        return reviewed.build();
    }

    /** {@code r} with other details, stored one row version later. */
    public static Registration edited(Registration r, ServerDetails details, Instant at) {
        return from(r).withDetails(details).storedAgainAt(at).build();
    }

    /** {@code r} soft-deleted at {@code at}, stored one row version later. */
    public static Registration deleted(Registration r, Instant at) {
        return from(r).storedAgainAt(at).deletedAt(at).build();
    }

    public static AuditEvent event(
            UserId actor, AuditAction action, Optional<RegistrationId> registration, Instant at) {
        return anAuditEvent()
                .at(at)
                .by(actor)
                .withAction(action)
                .about(registration)
                .from(RegistrationStatus.PENDING)
                .to(RegistrationStatus.APPROVED)
                .withRequestId("req-" + unique())
                .build();
    }

    /** What an administrator lists: every registration that is not deleted. */
    public static RegistrationQuery.Scope visibleToAnAdministrator() {
        return new RegistrationQuery.VisibleTo(new Actor(UserId.random(), true));
    }

    /** What {@code user} lists without administrator rights: the published registrations and their own. */
    public static RegistrationQuery.Scope visibleToUser(UserId user) {
        return new RegistrationQuery.VisibleTo(new Actor(user, false));
    }

    /** What {@code user}, whose token lists no groups, holds as theirs: what they submitted and what they own. */
    public static RegistrationQuery.Scope mineOf(UserId user) {
        return new RegistrationQuery.Mine(new Actor(user, false));
    }

    /** An Entra ID group no other test uses. */
    public static GroupId group() {
        return new GroupId(UUID.randomUUID().toString());
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

    /** The first 50 events of {@code action} in {@code trail}, oldest first. */
    public static List<AuditEvent> events(AuditTrail trail, AuditAction action) {
        return trail
                .find(new AuditQuery(
                        Optional.empty(),
                        Optional.of(action),
                        Optional.empty(),
                        Optional.empty(),
                        PageRequest.first(50)))
                .items()
                .stream()
                .map(AuditEntry::event)
                .toList();
    }
}
