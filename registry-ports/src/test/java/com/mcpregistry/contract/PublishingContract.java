package com.mcpregistry.contract;

import static com.mcpregistry.domain.shared.RegistrationStatus.APPROVED;
import static com.mcpregistry.domain.shared.RegistrationStatus.DEPRECATED;
import static com.mcpregistry.domain.shared.RegistrationStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.testing.TestClock;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.ownership.port.out.NamespaceClaimRepository;
import com.mcpregistry.ownership.port.out.ServerOwnerRepository;
import com.mcpregistry.ownership.service.ServerOwnership;
import com.mcpregistry.publication.PublishedServer;
import com.mcpregistry.publication.PublishedServerPage;
import com.mcpregistry.publication.PublishedServerQuery;
import com.mcpregistry.publication.VersionSelector;
import com.mcpregistry.publication.port.out.PublishedServers;
import com.mcpregistry.publication.service.PublishedServersService;
import com.mcpregistry.registration.port.in.DeleteRegistrationUseCase.DeleteRegistration;
import com.mcpregistry.registration.port.in.ReviewRegistrationUseCase.ChangeStatus;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.SubmitRegistration;
import com.mcpregistry.registration.port.out.IdempotencyKeys;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.mcpregistry.registration.service.RegistrationService;
import com.mcpregistry.transaction.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the MCP Registry API publishes as registrations go through the workflow: the registration service keeping
 * the read model up to date, read back through the published-servers service. Run over each set of adapters, so
 * that the in-memory adapters behave as PostgreSQL does.
 */
public abstract class PublishingContract {

    protected abstract RegistrationRepository registrations();

    protected abstract PublishedServers published();

    protected abstract AuditTrail auditTrail();

    protected abstract IdempotencyKeys idempotencyKeys();

    protected abstract Transactions transactions();

    protected abstract UserRepository users();

    protected abstract ServerOwnerRepository serverOwners();

    protected abstract NamespaceClaimRepository namespaceClaims();

    protected final TestClock clock = new TestClock(Fixtures.T0);
    protected RegistrationService registrationService;
    protected PublishedServersService publishedServers;
    protected Actor submitter;
    protected Actor admin;
    protected String namespace;

    @BeforeEach
    void givenTheServicesAUserAnAdminAndANamespace() {
        registrationService = new RegistrationService(
                registrations(), published(), auditTrail(), idempotencyKeys(), transactions(), clock, ownership());
        publishedServers = new PublishedServersService(published());
        submitter = users().save(Fixtures.user()).actor(false);
        admin = users().save(Fixtures.user()).actor(true);
        namespace = Fixtures.namespace();
    }

    /** Who owns what, over this store's owners and claims; new namespaces are open to anyone. */
    protected ServerOwnership ownership() {
        return new ServerOwnership(serverOwners(), namespaceClaims(), users(), NamespacePolicy.OPEN);
    }

    // ---- the workflow, as helpers ---------------------------------------------------------------------------

    protected ServerName name(String local) {
        return new ServerName(namespace + "/" + local);
    }

    protected Registration submit(String local, String version) {
        clock.advance(Duration.ofSeconds(1));
        return registrationService.submit(new SubmitRegistration(
                submitter,
                name(local),
                new Version(version),
                Fixtures.details("https://" + namespace + ".example.com/" + local),
                Optional.empty(),
                Optional.empty()));
    }

    protected Registration review(Registration r, RegistrationStatus target) {
        clock.advance(Duration.ofSeconds(1));
        Optional<Reason> reason = target == REJECTED || target == DEPRECATED
                ? Optional.of(new Reason("use " + target.label() + " reasons"))
                : Optional.empty();
        return registrationService.changeStatus(
                new ChangeStatus(admin, r.id(), target, reason, Optional.empty(), Optional.empty()));
    }

    protected Registration approve(String local, String version) {
        return review(submit(local, version), APPROVED);
    }

    protected void delete(Registration r) {
        clock.advance(Duration.ofSeconds(1));
        registrationService.delete(new DeleteRegistration(admin, r.id(), Optional.empty(), Optional.empty()));
    }

    protected List<PublishedServer> listed(boolean includeDeleted) {
        return all(new PublishedServerQuery(
                Optional.of(namespace), Optional.empty(), includeDeleted, Optional.empty(), 100, Optional.empty()));
    }

    protected List<PublishedServer> all(PublishedServerQuery first) {
        List<PublishedServer> all = new ArrayList<>();
        PublishedServerPage page = publishedServers.list(first);
        all.addAll(page.servers());
        while (page.next().isPresent()) {
            page = publishedServers.list(first.after(page.next().get().after()));
            all.addAll(page.servers());
        }
        return all;
    }

    protected String latestVersionOf(String local) {
        return publishedServers
                .version(name(local), new VersionSelector.Latest(), false)
                .registration()
                .version()
                .value();
    }

    private String latestAfterApproving(String... versions) {
        String local = "order-" + Fixtures.unique();
        for (String version : versions) {
            approve(local, version);
        }
        return latestVersionOf(local);
    }

    // ---- visibility across the workflow ----------------------------------------------------------------------

    @Test
    void a_submitted_registration_is_not_published_and_an_approved_one_is_published_as_the_latest() {
        Registration submitted = submit("tools", "1.0.0");

        assertThat(listed(true)).isEmpty();
        assertThatThrownBy(() -> publishedServers.versions(name("tools"), true)).isInstanceOf(NotFound.class);

        Registration approved = review(submitted, APPROVED);

        assertThat(listed(false)).singleElement().satisfies(p -> {
            assertThat(p.registration().id()).isEqualTo(approved.id());
            assertThat(p.status()).isEqualTo(PublishedServer.Status.ACTIVE);
            assertThat(p.latest()).isTrue();
            assertThat(p.publishedAt()).isEqualTo(approved.reviewedAt().orElseThrow());
            assertThat(p.updatedAt()).isEqualTo(approved.updatedAt());
        });
    }

    @Test
    void rejected_pending_and_deleted_unpublished_registrations_never_appear() {
        review(submit("rejected", "1.0.0"), REJECTED);
        submit("pending", "1.0.0");
        delete(submit("withdrawn", "1.0.0"));

        assertThat(listed(true)).isEmpty();
        assertThat(all(new PublishedServerQuery(
                        Optional.of(namespace),
                        Optional.empty(),
                        true,
                        Optional.of(Fixtures.T0),
                        100,
                        Optional.empty())))
                .isEmpty();
    }

    @Test
    void a_newer_approved_version_becomes_the_latest_and_the_former_latest_changes_too() {
        Registration one = approve("tools", "1.0.0");
        Registration two = approve("tools", "2.0.0");

        assertThat(publishedServers.versions(name("tools"), false))
                .extracting(p -> p.registration().version().value(), PublishedServer::latest)
                .containsExactly(tuple("2.0.0", true), tuple("1.0.0", false));
        PublishedServer former =
                publishedServers.version(name("tools"), new VersionSelector.Exact(one.version()), false);
        assertThat(former.updatedAt()).isEqualTo(two.updatedAt());
        assertThat(former.publishedAt()).isEqualTo(one.reviewedAt().orElseThrow());
    }

    @Test
    void the_latest_is_the_highest_version_in_semantic_version_order_not_the_newest() {
        assertThat(latestAfterApproving("2.0.0", "1.5.0")).isEqualTo("2.0.0");
        assertThat(latestAfterApproving("9.0.0", "10.0.0")).isEqualTo("10.0.0");
        assertThat(latestAfterApproving("1.9.0", "2.0.0-rc.1")).isEqualTo("2.0.0-rc.1");
        assertThat(latestAfterApproving("2.0.0", "2.0.0-rc.1"))
                .as("a release ranks above its pre-releases")
                .isEqualTo("2.0.0");
        assertThat(latestAfterApproving("1.0.0-rc.2", "1.0.0-rc.10")).isEqualTo("1.0.0-rc.10");
        assertThat(latestAfterApproving("1.0.0-beta", "1.0.0-alpha.1")).isEqualTo("1.0.0-beta");
        assertThat(latestAfterApproving("1.0.0-alpha.beta", "1.0.0-alpha.1")).isEqualTo("1.0.0-alpha.beta");
    }

    @Test
    void non_semantic_versions_rank_below_semantic_ones_and_among_themselves_by_publication() {
        assertThat(latestAfterApproving("1.0.0", "2025.06")).isEqualTo("1.0.0");
        assertThat(latestAfterApproving("2025.06", "0.0.1")).isEqualTo("0.0.1");
        assertThat(latestAfterApproving("2025.06", "2024.01")).isEqualTo("2024.01");
        assertThat(latestAfterApproving("v2", "v1", "v3")).isEqualTo("v3");
    }

    /** As the official registry's recalculateLatest: the highest version that is not deleted, deprecated or not. */
    @Test
    void deprecating_the_latest_leaves_it_the_latest_shown_as_deprecated() {
        approve("tools", "1.0.0");
        Registration two = approve("tools", "2.0.0");

        Registration deprecated = review(two, DEPRECATED);

        PublishedServer listed =
                publishedServers.version(name("tools"), new VersionSelector.Exact(two.version()), false);
        assertThat(listed.status()).isEqualTo(PublishedServer.Status.DEPRECATED);
        assertThat(listed.statusMessage()).isEqualTo(deprecated.statusReason().map(Reason::value));
        assertThat(listed.statusChangedAt()).isEqualTo(deprecated.reviewedAt().orElseThrow());
        assertThat(listed.latest()).isTrue();
        PublishedServer latest = publishedServers.version(name("tools"), new VersionSelector.Latest(), false);
        assertThat(latest.registration().version().value()).isEqualTo("2.0.0");
        assertThat(latest.status()).isEqualTo(PublishedServer.Status.DEPRECATED);

        review(deprecated, APPROVED);

        assertThat(latestVersionOf("tools")).isEqualTo("2.0.0");
        assertThat(publishedServers
                        .version(name("tools"), new VersionSelector.Exact(two.version()), false)
                        .publishedAt())
                .as("reactivation keeps the first publication time")
                .isEqualTo(two.reviewedAt().orElseThrow());
    }

    @Test
    void a_server_whose_versions_are_all_deprecated_keeps_its_latest_shown_as_deprecated() {
        review(approve("tools", "1.0.0"), DEPRECATED);
        review(approve("tools", "1.1.0"), DEPRECATED);

        assertThat(publishedServers.versions(name("tools"), false)).hasSize(2);
        PublishedServer latest = publishedServers.version(name("tools"), new VersionSelector.Latest(), false);
        assertThat(latest.registration().version().value()).isEqualTo("1.1.0");
        assertThat(latest.status()).isEqualTo(PublishedServer.Status.DEPRECATED);
    }

    @Test
    void deleting_the_latest_moves_it_to_the_highest_version_left_deprecated_or_not() {
        approve("tools", "1.0.0");
        Registration deprecated = review(approve("tools", "1.5.0"), DEPRECATED);
        Registration two = approve("tools", "2.0.0");

        delete(two);

        assertThat(latestVersionOf("tools")).isEqualTo("1.5.0");
        delete(deprecated);
        assertThat(latestVersionOf("tools")).isEqualTo("1.0.0");
    }

    @Test
    void a_deleted_version_appears_only_with_include_deleted_and_the_latest_moves_on() {
        Registration one = approve("tools", "1.0.0");
        Registration two = approve("tools", "2.0.0");

        delete(two);

        assertThat(listed(false)).extracting(p -> p.registration().id()).containsExactly(one.id());
        assertThat(listed(true))
                .extracting(p -> p.registration().id(), PublishedServer::status, PublishedServer::latest)
                .containsExactly(
                        tuple(one.id(), PublishedServer.Status.ACTIVE, true),
                        tuple(two.id(), PublishedServer.Status.DELETED, false));
        assertThatThrownBy(
                        () -> publishedServers.version(name("tools"), new VersionSelector.Exact(two.version()), false))
                .isInstanceOf(NotFound.class);
        assertThat(publishedServers
                        .version(name("tools"), new VersionSelector.Exact(two.version()), true)
                        .status())
                .isEqualTo(PublishedServer.Status.DELETED);

        delete(one);

        assertThatThrownBy(() -> publishedServers.versions(name("tools"), false))
                .isInstanceOf(NotFound.class);
        assertThat(publishedServers.versions(name("tools"), true)).hasSize(2);
        assertThatThrownBy(() -> publishedServers.version(name("tools"), new VersionSelector.Latest(), true))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void updated_since_returns_exactly_what_changed_after_that_point() {
        Registration tools1 = approve("tools", "1.0.0");
        Registration weather = approve("weather", "1.0.0");
        Registration ledger = approve("ledger", "1.0.0");
        approve("stable", "1.0.0");
        Instant point = clock.instant();

        Registration tools2 = approve("tools", "2.0.0");
        review(weather, DEPRECATED);
        delete(ledger);
        submit("pending", "1.0.0");

        List<PublishedServer> changes = all(new PublishedServerQuery(
                Optional.of(namespace), Optional.empty(), false, Optional.of(point), 2, Optional.empty()));

        assertThat(changes)
                .extracting(p -> p.registration().id(), PublishedServer::status, PublishedServer::latest)
                .containsExactlyInAnyOrder(
                        tuple(tools2.id(), PublishedServer.Status.ACTIVE, true),
                        tuple(tools1.id(), PublishedServer.Status.ACTIVE, false),
                        tuple(weather.id(), PublishedServer.Status.DEPRECATED, true),
                        tuple(ledger.id(), PublishedServer.Status.DELETED, false));
        assertThat(changes).extracting(PublishedServer::updatedAt).isSorted().allMatch(at -> at.isAfter(point));
    }

    @Test
    void an_unknown_server_or_version_is_not_found() {
        approve("tools", "1.0.0");

        assertThatThrownBy(() -> publishedServers.versions(name("nothing"), true))
                .isInstanceOf(NotFound.class)
                .hasMessage("Server not found");
        assertThatThrownBy(() ->
                        publishedServers.version(name("tools"), new VersionSelector.Exact(new Version("9.9.9")), true))
                .isInstanceOf(NotFound.class);
    }
}
