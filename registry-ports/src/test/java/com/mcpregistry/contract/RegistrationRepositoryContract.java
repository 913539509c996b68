package com.mcpregistry.contract;

import static com.mcpregistry.contract.Fixtures.T0;
import static com.mcpregistry.contract.Fixtures.deleted;
import static com.mcpregistry.contract.Fixtures.details;
import static com.mcpregistry.contract.Fixtures.edited;
import static com.mcpregistry.contract.Fixtures.pending;
import static com.mcpregistry.contract.Fixtures.reviewed;
import static com.mcpregistry.domain.shared.RegistrationStatus.APPROVED;
import static com.mcpregistry.domain.shared.RegistrationStatus.DEPRECATED;
import static com.mcpregistry.domain.shared.RegistrationStatus.PENDING;
import static com.mcpregistry.domain.shared.RegistrationStatus.REJECTED;
import static com.mcpregistry.domain.testing.ServerDetailsTestData.someDetails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.AlreadyTaken;
import com.mcpregistry.domain.error.AlreadyTaken.Rule;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.registration.Visibility;
import com.mcpregistry.domain.serverjson.Locator;
import com.mcpregistry.domain.serverjson.Package;
import com.mcpregistry.domain.serverjson.Remote;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.serverjson.UrlTemplate;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.testing.ServerDocumentTestData;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.GroupId;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.ownership.port.out.ServerOwnerRepository;
import com.mcpregistry.paging.Cursor;
import com.mcpregistry.paging.Page;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.registration.port.out.RegistrationQuery;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RegistrationRepository} guarantees. Subclasses give the repository, the user repository that
 * holds its submitters and reviewers, and the owners of servers that its lists consult; all may hold rows of other
 * tests.
 */
public abstract class RegistrationRepositoryContract {

    protected abstract RegistrationRepository registrations();

    /** Where the registrations' submitters and reviewers are kept: a registration refers to stored users. */
    protected abstract UserRepository users();

    /** The owners of servers, in the same store as {@link #registrations()}: owners see their servers' versions. */
    protected abstract ServerOwnerRepository serverOwners();

    private User submitter;
    private User other;
    private User admin;
    private String namespace;

    @BeforeEach
    void givenUsersAndANamespaceOfThisTest() {
        submitter = users().save(Fixtures.user());
        other = users().save(Fixtures.user());
        admin = users().save(Fixtures.user());
        namespace = Fixtures.namespace();
    }

    private String name(String local) {
        return namespace + "/" + local;
    }

    private String endpoint(String path) {
        return "https://" + namespace + ".example.com/" + path;
    }

    private Registration stored(Registration registration) {
        registrations().insert(registration);
        return registration;
    }

    private Registration pendingOf(User user, String local, String version, Instant createdAt) {
        return pending(user.id(), name(local), version, endpoint(local), createdAt);
    }

    private RegistrationQuery query(RegistrationQuery.Scope scope, Optional<RegistrationStatus> status) {
        return new RegistrationQuery(scope, status, Optional.of(namespace), PageRequest.first(100));
    }

    private List<Registration> list(RegistrationQuery query) {
        return registrations().find(query).items();
    }

    @Test
    void an_inserted_registration_is_found_by_id_with_every_field() {
        ServerDetails details = someDetails()
                .withTitle("Ledger tools – “quoted” ünïcödé 🚀")
                .withDescription("It's 100% about ledgers; \"DROP TABLE\" stays text")
                .withEndpointUrl(endpoint("mcp?tenant=a&x=1"))
                .withTransport(RemoteTransport.SSE)
                .withOwnerContact("owner.team@example.com")
                .withRepositoryUrl("https://github.com/contoso/ledger")
                .withDocumentationUrl("https://docs.contoso.com/ledger")
                .withTags("finance", "ledger", "émoji-🚀")
                .build();
        Registration registration = reviewed(
                pending(submitter.id(), name("ledger-tools"), "2.0.0-rc.1+build.5", details, T0),
                REJECTED,
                admin.id(),
                T0.plusSeconds(60));
        registrations().insert(registration);

        assertThat(registrations().findById(registration.id())).contains(registration);
    }

    @Test
    void a_registration_without_optional_fields_round_trips() {
        Registration registration = stored(pendingOf(submitter, "plain", "1.0.0", T0));

        assertThat(registrations().findById(registration.id())).contains(registration);
    }

    @Test
    void an_unknown_id_is_not_found() {
        assertThat(registrations().findById(RegistrationId.random())).isEmpty();
    }

    @Test
    void an_update_replaces_the_stored_registration() {
        Registration registration = stored(pendingOf(submitter, "tools", "1.0.0", T0));
        Registration approved = reviewed(registration, APPROVED, admin.id(), T0.plusSeconds(5));

        registrations().update(approved, registration.rowVersion());

        assertThat(registrations().findById(registration.id())).contains(approved);
    }

    @Test
    void an_edit_replaces_every_editable_field() {
        Registration registration = stored(pendingOf(submitter, "tools", "1.0.0", T0));
        ServerDetails changed = someDetails()
                .withTitle("New title")
                .withDescription("New description")
                .withEndpointUrl(endpoint("v2"))
                .withTransport(RemoteTransport.SSE)
                .withOwnerContact("new-owner@example.com")
                .withRepositoryUrl("https://example.com/repo")
                .withTags("a", "b")
                .build();
        Registration edited = edited(registration, changed, T0.plusSeconds(1));

        registrations().update(edited, registration.rowVersion());

        assertThat(registrations().findById(registration.id())).contains(edited);
    }

    @Test
    void an_update_with_a_stale_row_version_is_a_conflict() {
        Registration registration = stored(pendingOf(submitter, "tools", "1.0.0", T0));
        Registration approved = reviewed(registration, APPROVED, admin.id(), T0.plusSeconds(5));
        registrations().update(approved, registration.rowVersion());
        Registration rejected = reviewed(registration, REJECTED, admin.id(), T0.plusSeconds(6));

        assertThatThrownBy(() -> registrations().update(rejected, registration.rowVersion()))
                .isInstanceOf(Conflict.class);
        assertThat(registrations().findById(registration.id())).contains(approved);
    }

    @Test
    void updating_a_registration_that_was_never_stored_is_a_conflict() {
        Registration never = pendingOf(submitter, "ghost", "1.0.0", T0);

        assertThatThrownBy(() -> registrations().update(edited(never, never.details(), T0), 1))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void inserting_the_same_id_twice_is_a_conflict() {
        Registration registration = stored(pendingOf(submitter, "tools", "1.0.0", T0));

        assertThatThrownBy(() -> registrations().insert(registration)).isInstanceOf(Conflict.class);
    }

    @Test
    void the_same_server_name_and_version_twice_is_a_conflict() {
        stored(pendingOf(submitter, "tools", "1.0.0", T0));
        Registration again = pending(other.id(), name("tools"), "1.0.0", endpoint("elsewhere"), T0);

        assertThatThrownBy(() -> registrations().insert(again))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining(name("tools"))
                .hasMessageContaining("1.0.0");
        assertThat(registrations().findById(again.id())).isEmpty();
    }

    @Test
    void another_version_of_the_same_server_is_a_separate_registration() {
        Registration first = stored(pendingOf(submitter, "tools", "1.0.0", T0));
        Registration second = stored(pendingOf(submitter, "tools", "1.1.0", T0));

        assertThat(registrations().findById(first.id())).contains(first);
        assertThat(registrations().findById(second.id())).contains(second);
    }

    @Test
    void an_endpoint_owned_by_another_server_name_is_a_conflict() {
        stored(pending(submitter.id(), name("tools"), "1.0.0", endpoint("shared"), T0));
        Registration thief = pending(other.id(), name("other-tools"), "1.0.0", endpoint("shared"), T0);

        assertThatThrownBy(() -> registrations().insert(thief))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("remote URL");
        assertThat(registrations().findById(thief.id())).isEmpty();
    }

    @Test
    void other_versions_of_the_same_server_may_share_an_endpoint() {
        stored(pending(submitter.id(), name("tools"), "1.0.0", endpoint("shared"), T0));
        Registration next = stored(pending(submitter.id(), name("tools"), "2.0.0", endpoint("shared"), T0));

        assertThat(registrations().findById(next.id())).contains(next);
    }

    @Test
    void editing_to_an_endpoint_owned_by_another_server_name_is_a_conflict() {
        stored(pending(submitter.id(), name("tools"), "1.0.0", endpoint("taken"), T0));
        Registration mine = stored(pending(other.id(), name("mine"), "1.0.0", endpoint("mine"), T0));
        Registration moved = edited(mine, details(endpoint("taken")), T0.plusSeconds(1));

        assertThatThrownBy(() -> registrations().update(moved, mine.rowVersion()))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("remote URL");
        assertThat(registrations().findById(mine.id())).contains(mine);
    }

    @Test
    void a_deleted_registrations_server_name_and_version_are_never_reused() {
        Registration submitted = stored(pendingOf(submitter, "tools", "2.0.0", T0));
        Registration approved = reviewed(submitted, APPROVED, admin.id(), T0.plusSeconds(1));
        registrations().update(approved, submitted.rowVersion());
        Registration gone = deleted(approved, T0.plusSeconds(5));
        registrations().update(gone, approved.rowVersion());
        Registration again = pendingOf(submitter, "tools", "2.0.0", T0.plusSeconds(6));

        assertThatThrownBy(() -> registrations().insert(again))
                .isInstanceOfSatisfying(
                        AlreadyTaken.class, taken -> assertThat(taken.rule()).isEqualTo(Rule.NAME_AND_VERSION))
                .hasMessage(name("tools") + " version 2.0.0 is taken; a version is never reused, not even after its"
                        + " registration was deleted: submit a new version");
        assertThat(registrations().findById(again.id())).isEmpty();
        assertThat(registrations().findByNameAndVersion(new ServerName(name("tools")), new Version("2.0.0")))
                .contains(gone);
    }

    @Test
    void after_a_deletion_another_version_of_the_server_is_still_accepted() {
        Registration first = stored(pendingOf(submitter, "tools", "1.0.0", T0));
        registrations().update(deleted(first, T0.plusSeconds(1)), first.rowVersion());

        Registration next = stored(pendingOf(submitter, "tools", "1.0.1", T0.plusSeconds(2)));

        assertThat(registrations().findById(next.id())).contains(next);
    }

    @Test
    void a_taken_server_name_and_version_is_said_without_naming_the_registration_that_holds_it() {
        Registration holder = stored(pendingOf(submitter, "tools", "1.0.0", T0));

        assertThatThrownBy(() -> registrations().insert(pendingOf(other, "tools", "1.0.0", T0)))
                .isInstanceOf(AlreadyTaken.class)
                .hasMessageContaining(name("tools") + " version 1.0.0 is taken")
                .hasMessageNotContaining(holder.id().toString())
                .hasMessageNotContaining("Pending");
        assertThat(registrations().findByNameAndVersion(new ServerName(name("tools")), new Version("1.0.0")))
                .contains(holder);
        assertThat(registrations().findByNameAndVersion(new ServerName(name("tools")), new Version("9.9.9")))
                .isEmpty();
    }

    /** Spellings of {@code https://<namespace>.example.com/mcp} that are that endpoint, RFC 3986 §6 normalised. */
    static List<String> sameEndpointSpelledOtherwise(String namespace) {
        String host = namespace + ".example.com";
        return List.of(
                "https://" + host.toUpperCase(java.util.Locale.ROOT) + "/mcp",
                "https://" + host + ":443/mcp",
                "https://" + host + ":/mcp",
                "https://" + host + "/mcp/",
                "https://" + host + "/mcp?",
                "https://" + host + "/mcp/?",
                "https://" + host + "/mcp#fragment",
                "https://" + host + "/%6D%63%70",
                "https://" + host + "/%6dcp",
                "https://" + host + "./mcp",
                "https://" + host + "/./mcp",
                "https://" + host + "/tools/../mcp");
    }

    @Test
    void an_endpoint_owned_by_another_server_name_is_a_conflict_however_it_is_spelt() {
        Registration owner = stored(pending(submitter.id(), name("tools"), "1.0.0", endpoint("mcp"), T0));

        for (String spelling : sameEndpointSpelledOtherwise(namespace)) {
            Registration thief = pending(other.id(), name("thief"), "1.0.0", spelling, T0);

            assertThatThrownBy(() -> registrations().insert(thief))
                    .as(spelling)
                    .isInstanceOfSatisfying(
                            AlreadyTaken.class,
                            taken -> assertThat(taken.rule()).isEqualTo(Rule.LOCATOR))
                    .hasMessageEndingWith(" belongs to another server name");
            assertThat(registrations().findById(thief.id())).isEmpty();
            assertThat(registrations()
                            .findLocatorHolder(
                                    Set.of(Locator.of(new UrlTemplate(spelling))), new ServerName(name("thief"))))
                    .as(spelling)
                    .contains(owner);
        }
    }

    @Test
    void editing_to_another_spelling_of_an_endpoint_owned_by_another_server_name_is_a_conflict() {
        stored(pending(submitter.id(), name("tools"), "1.0.0", endpoint("mcp"), T0));
        Registration mine = stored(pending(other.id(), name("mine"), "1.0.0", endpoint("mine"), T0));

        for (String spelling : sameEndpointSpelledOtherwise(namespace)) {
            Registration moved = edited(mine, details(spelling), T0.plusSeconds(1));

            assertThatThrownBy(() -> registrations().update(moved, mine.rowVersion()))
                    .as(spelling)
                    .isInstanceOf(AlreadyTaken.class);
        }
        assertThat(registrations().findById(mine.id())).contains(mine);
    }

    @Test
    void endpoints_that_differ_after_normalisation_are_different_endpoints() {
        String host = namespace + ".example.com";
        stored(pending(submitter.id(), name("tools"), "1.0.0", "https://" + host + "/mcp", T0));

        for (String other : List.of(
                "http://" + host + "/mcp",
                "https://" + host + ":8443/mcp",
                "https://" + host + "/MCP",
                "https://" + host + "/mcp/v2",
                "https://" + host + "/mcp?tenant=a",
                "https://" + host + "/mcp%2F")) {
            Registration elsewhere =
                    stored(pending(this.other.id(), name("o" + Fixtures.unique()), "1.0.0", other, T0));

            assertThat(registrations().findById(elsewhere.id())).as(other).contains(elsewhere);
        }
    }

    @Test
    void an_endpoint_is_kept_exactly_as_submitted() {
        String spelling = "https://" + namespace.toUpperCase(java.util.Locale.ROOT) + ".Example.COM:443/%6dcp/?";
        Registration registration = stored(pending(submitter.id(), name("tools"), "1.0.0", spelling, T0));

        assertThat(registrations()
                        .findById(registration.id())
                        .orElseThrow()
                        .details()
                        .definition()
                        .onlyRemote()
                        .orElseThrow()
                        .url()
                        .value())
                .isEqualTo(spelling);
    }

    @Test
    void the_holder_of_an_endpoint_is_never_a_deleted_registration_nor_one_of_the_same_server() {
        Registration first = stored(pending(submitter.id(), name("tools"), "1.0.0", endpoint("mcp"), T0));
        Set<Locator> endpoint = Set.of(Locator.of(new UrlTemplate(endpoint("mcp"))));

        assertThat(registrations().findLocatorHolder(endpoint, new ServerName(name("tools"))))
                .isEmpty();
        registrations().update(deleted(first, T0.plusSeconds(1)), first.rowVersion());
        assertThat(registrations().findLocatorHolder(endpoint, new ServerName(name("other"))))
                .isEmpty();
    }

    @Test
    void a_deleted_registration_frees_its_endpoint_for_another_server_name() {
        Registration first = stored(pending(submitter.id(), name("tools"), "1.0.0", endpoint("shared"), T0));
        registrations().update(deleted(first, T0.plusSeconds(1)), first.rowVersion());

        Registration successor =
                stored(pending(other.id(), name("successor"), "1.0.0", endpoint("shared"), T0.plusSeconds(2)));

        assertThat(registrations().findById(successor.id())).contains(successor);
    }

    @Test
    void a_document_with_packages_of_every_type_and_a_remote_with_headers_and_variables_round_trips() {
        ServerDetails details = Fixtures.details(Fixtures.everyKindOfPackageAndARichRemote(namespace));
        Registration registration = stored(pending(submitter.id(), name("weather"), "2.1.0", details, T0));

        assertThat(registrations().findById(registration.id())).contains(registration);
        assertThat(registrations().findByNameAndVersion(registration.serverName(), registration.version()))
                .contains(registration);
    }

    @Test
    void a_document_without_a_title_of_a_registration_without_an_owner_contact_round_trips() {
        ServerDefinition seed = details(endpoint("untitled")).definition();
        ServerDefinition untitled = new ServerDefinition(
                seed.description(),
                Optional.empty(),
                seed.websiteUrl(),
                seed.repository(),
                seed.icons(),
                seed.packages(),
                seed.remotes(),
                seed.publisherMeta());
        ServerDetails details = new ServerDetails(untitled, Optional.empty(), Tags.NONE);
        Registration registration = stored(pending(submitter.id(), name("untitled"), "1.0.0", details, T0));

        assertThat(registrations().findById(registration.id())).contains(registration);
    }

    /** Two spellings of each kind of package that are one package, as {@link Locator} compares them. */
    private List<List<Package>> samePackageSpelledOtherwise() {
        String label = namespace.replace('.', '-');
        Package npm = ServerDocumentTestData.npmPackage();
        Package pypi = ServerDocumentTestData.pypiPackage();
        Package nuget = ServerDocumentTestData.nugetPackage();
        Package oci = ServerDocumentTestData.ociPackage();
        Package mcpb = ServerDocumentTestData.mcpbPackage();
        String bundle = "https://github.com/" + label + "/weather/releases/download/v1.0.0/weather.mcpb";
        return List.of(
                List.of(
                        Fixtures.identifiedAs(npm, "@" + label + "/weather"),
                        Fixtures.identifiedAs(npm, "@" + label.toUpperCase(Locale.ROOT) + "/Weather")),
                List.of(
                        Fixtures.identifiedAs(pypi, label + "-weather-mcp"),
                        Fixtures.identifiedAs(pypi, label.toUpperCase(Locale.ROOT) + "_Weather.__MCP")),
                List.of(
                        Fixtures.identifiedAs(nuget, label + ".Weather"),
                        Fixtures.identifiedAs(nuget, label.toUpperCase(Locale.ROOT) + ".WEATHER")),
                List.of(
                        Fixtures.identifiedAs(oci, "ghcr.io/" + label + "/weather:1.0.2"),
                        Fixtures.identifiedAs(oci, "ghcr.io/" + label + "/weather:2.0.0")),
                List.of(
                        Fixtures.identifiedAs(oci, "ghcr.io/" + label + "/weather-digest:1.0.0"),
                        Fixtures.identifiedAs(oci, "ghcr.io/" + label + "/weather-digest@sha256:" + "ab".repeat(32))),
                List.of(Fixtures.identifiedAs(mcpb, bundle), Fixtures.identifiedAs(mcpb, bundle)));
    }

    @Test
    void a_package_held_by_another_servers_live_registration_is_taken_however_it_is_spelt() {
        int n = 0;
        for (List<Package> spellings : samePackageSpelledOtherwise()) {
            n++;
            Package held = spellings.get(0);
            Package again = spellings.get(1);
            Registration holder = stored(pending(
                    submitter.id(),
                    name("holder-" + n),
                    "1.0.0",
                    Fixtures.details(Fixtures.withPackage(endpoint("holder-" + n), held)),
                    T0));
            Registration thief = pending(
                    other.id(),
                    name("thief-" + n),
                    "1.0.0",
                    Fixtures.details(Fixtures.withPackage(endpoint("thief-" + n), again)),
                    T0);

            assertThatThrownBy(() -> registrations().insert(thief))
                    .as(again.identifier())
                    .isInstanceOfSatisfying(
                            AlreadyTaken.class,
                            taken -> assertThat(taken.rule()).isEqualTo(Rule.LOCATOR))
                    .hasMessageEndingWith(" belongs to another server name");
            assertThat(registrations().findById(thief.id())).isEmpty();
            assertThat(registrations().findLocatorHolder(Set.of(Locator.of(again)), thief.serverName()))
                    .as(again.identifier())
                    .contains(holder);
        }
    }

    @Test
    void a_remote_with_variables_is_taken_as_it_is_written() {
        String url = "https://{host}.other." + namespace + ".example.com/mcp";
        ServerDefinition rich = Fixtures.everyKindOfPackageAndARichRemote(namespace);
        Registration holder = stored(pending(submitter.id(), name("tools"), "1.0.0", Fixtures.details(rich), T0));
        Remote variable = Fixtures.at(rich.remotes().get(0), "https://{host}." + namespace + ".example.com/mcp");

        Registration thief = pending(
                other.id(),
                name("thief"),
                "1.0.0",
                Fixtures.details(ServerDefinition.ofRemote(
                        rich.description(), rich.title(), variable, Optional.empty(), Optional.empty())),
                T0);
        assertThatThrownBy(() -> registrations().insert(thief)).isInstanceOf(AlreadyTaken.class);
        Registration otherVariable = stored(pending(
                other.id(),
                name("elsewhere"),
                "1.0.0",
                Fixtures.details(ServerDefinition.ofRemote(
                        rich.description(),
                        rich.title(),
                        Fixtures.at(variable, url),
                        Optional.empty(),
                        Optional.empty())),
                T0));
        assertThat(registrations().findById(otherVariable.id()))
                .as("another template is another place")
                .contains(otherVariable);
        assertThat(registrations().findById(holder.id())).contains(holder);
    }

    @Test
    void versions_of_one_server_share_its_packages_and_remotes() {
        ServerDetails details = Fixtures.details(Fixtures.everyKindOfPackageAndARichRemote(namespace));
        stored(pending(submitter.id(), name("weather"), "1.0.0", details, T0));

        Registration next = stored(pending(other.id(), name("weather"), "2.0.0", details, T0.plusSeconds(1)));

        assertThat(registrations().findById(next.id())).contains(next);
        assertThat(registrations().findLocatorHolder(details.definition().locators(), next.serverName()))
                .isEmpty();
    }

    @Test
    void a_deleted_registration_frees_every_package_and_remote_it_held() {
        ServerDetails details = Fixtures.details(Fixtures.everyKindOfPackageAndARichRemote(namespace));
        Registration first = stored(pending(submitter.id(), name("weather"), "1.0.0", details, T0));
        registrations().update(deleted(first, T0.plusSeconds(1)), first.rowVersion());

        assertThat(registrations().findLocatorHolder(details.definition().locators(), new ServerName(name("x"))))
                .isEmpty();
        Registration successor = stored(pending(other.id(), name("successor"), "1.0.0", details, T0.plusSeconds(2)));

        assertThat(registrations().findById(successor.id())).contains(successor);
    }

    @Test
    void an_edit_that_drops_a_package_frees_it_and_one_that_takes_another_servers_package_is_refused() {
        ServerDefinition rich = Fixtures.everyKindOfPackageAndARichRemote(namespace);
        Package npm = rich.packages().get(0);
        Registration holder = stored(pending(submitter.id(), name("weather"), "1.0.0", Fixtures.details(rich), T0));
        Registration mine = stored(pending(other.id(), name("mine"), "1.0.0", endpoint("mine"), T0));
        Registration taking =
                edited(mine, Fixtures.details(Fixtures.withPackage(endpoint("mine"), npm)), T0.plusSeconds(1));

        assertThatThrownBy(() -> registrations().update(taking, mine.rowVersion()))
                .isInstanceOfSatisfying(
                        AlreadyTaken.class, taken -> assertThat(taken.rule()).isEqualTo(Rule.LOCATOR));
        assertThat(registrations().findById(mine.id())).contains(mine);

        ServerDefinition withoutNpm = new ServerDefinition(
                rich.description(),
                rich.title(),
                rich.websiteUrl(),
                rich.repository(),
                rich.icons(),
                rich.packages().subList(1, rich.packages().size()),
                rich.remotes(),
                rich.publisherMeta());
        Registration dropped = edited(holder, Fixtures.details(withoutNpm), T0.plusSeconds(2));
        registrations().update(dropped, holder.rowVersion());
        registrations().update(taking, mine.rowVersion());

        assertThat(registrations().findById(mine.id())).contains(taking);
        assertThat(registrations().findById(holder.id())).contains(dropped);
        assertThat(registrations().findLocatorHolder(Set.of(Locator.of(npm)), holder.serverName()))
                .contains(taking);
    }

    @Test
    void a_deleted_registration_is_still_found_by_id_but_never_listed() {
        Registration registration = stored(pendingOf(submitter, "tools", "1.0.0", T0));
        Registration gone = deleted(registration, T0.plusSeconds(1));
        registrations().update(gone, registration.rowVersion());

        assertThat(registrations().findById(registration.id())).contains(gone);
        assertThat(list(query(Fixtures.visibleToAnAdministrator(), Optional.empty())))
                .isEmpty();
        assertThat(list(query(Fixtures.mineOf(submitter.id()), Optional.empty())))
                .isEmpty();
    }

    /** Five visible registrations of this test in every status, and a deleted one. */
    private final class World {
        final Registration ownPending = stored(pendingOf(submitter, "own-pending", "1.0.0", T0));
        final Registration approved = stored(review(pendingOf(other, "approved", "1.0.0", T0), APPROVED));
        final Registration deprecated =
                stored(review(review(pendingOf(other, "deprecated", "1.0.0", T0), APPROVED), DEPRECATED));
        final Registration rejected = stored(review(pendingOf(other, "rejected", "1.0.0", T0), REJECTED));
        final Registration othersPending = stored(pendingOf(other, "others-pending", "1.0.0", T0));
        final Registration deletedApproved;

        World() {
            Registration toDelete = stored(review(pendingOf(other, "deleted", "1.0.0", T0), APPROVED));
            deletedApproved = deleted(toDelete, T0.plusSeconds(9));
            registrations().update(deletedApproved, toDelete.rowVersion());
        }

        private Registration review(Registration r, RegistrationStatus status) {
            return reviewed(r, status, admin.id(), T0.plusSeconds(1));
        }
    }

    @Test
    void everything_lists_every_status_but_no_deleted_registration() {
        World world = new World();

        assertThat(list(query(Fixtures.visibleToAnAdministrator(), Optional.empty())))
                .containsExactlyInAnyOrder(
                        world.ownPending, world.approved, world.deprecated, world.rejected, world.othersPending);
    }

    @Test
    void every_reviewed_or_deleted_registration_is_found_by_server_name_then_oldest_first_and_no_live_pending_one() {
        World world = new World();
        Registration earlierApproved =
                stored(reviewed(pendingOf(other, "approved", "0.9.0", T0.minusSeconds(5)), APPROVED, admin.id(), T0));
        Registration pendingToDelete = stored(pendingOf(submitter, "deleted-pending", "1.0.0", T0));
        Registration deletedPending = deleted(pendingToDelete, T0.plusSeconds(2));
        registrations().update(deletedPending, pendingToDelete.rowVersion());

        List<Registration> found = registrations().findReviewedOrDeleted().stream()
                .filter(r -> r.serverName().value().startsWith(namespace + "/"))
                .toList();

        assertThat(found)
                .containsExactly(
                        earlierApproved,
                        world.approved,
                        world.deletedApproved,
                        deletedPending,
                        world.deprecated,
                        world.rejected);
    }

    @Test
    void published_or_owned_lists_approved_deprecated_and_the_viewers_own() {
        World world = new World();

        assertThat(list(query(Fixtures.visibleToUser(submitter.id()), Optional.empty())))
                .containsExactlyInAnyOrder(world.ownPending, world.approved, world.deprecated);
    }

    @Test
    void published_or_owned_shows_the_viewers_own_in_any_status() {
        World world = new World();

        assertThat(list(query(Fixtures.visibleToUser(other.id()), Optional.empty())))
                .containsExactlyInAnyOrder(world.approved, world.deprecated, world.rejected, world.othersPending);
    }

    /**
     * The one visibility rule, held to the domain's own statement of it: for registrations in every status, deleted
     * or not, of three submitters, of servers owned by their submitters, by other users and by groups, every kind of
     * reader lists exactly those {@link Visibility#sees} says they see, with and without a status filter, and exactly
     * those {@link RegistrationQuery.Mine} holds as theirs. The repository's SQL (or filter) cannot drift from the
     * rule.
     */
    @Test
    void a_readers_list_is_exactly_what_the_visibility_rule_lets_them_see() {
        User coOwner = users().save(Fixtures.user());
        GroupId team = Fixtures.group();
        GroupId otherTeam = Fixtures.group();
        List<Registration> population = new ArrayList<>();
        List<Owners> owners = new ArrayList<>();
        for (User submitterOfThese : List.of(submitter, other, admin)) {
            for (RegistrationStatus status : RegistrationStatus.values()) {
                for (boolean gone : List.of(false, true)) {
                    String local = "v-" + population.size();
                    Registration pending =
                            pendingOf(submitterOfThese, local, "1.0.0", T0.plusSeconds(population.size()));
                    Registration r = stored(
                            status == PENDING ? pending : reviewed(pending, status, admin.id(), T0.plusSeconds(1)));
                    if (gone) {
                        Registration deleted = deleted(r, T0.plusSeconds(100));
                        registrations().update(deleted, r.rowVersion());
                        r = deleted;
                    }
                    Owner first = Owner.user(submitterOfThese.id());
                    Owners ownersOfServer = switch (population.size() % 4) {
                        case 0 -> Owners.of(first);
                        case 1 -> Owners.of(first, Owner.user(coOwner.id()));
                        case 2 -> Owners.of(Owner.group(team));
                        default -> Owners.of(Owner.user(coOwner.id()), Owner.group(otherTeam));
                    };
                    serverOwners().save(r.serverName(), ownersOfServer, T0);
                    population.add(r);
                    owners.add(ownersOfServer);
                }
            }
        }
        List<Actor> readers = List.of(
                new Actor(admin.id(), true),
                new Actor(submitter.id(), true),
                new Actor(submitter.id(), false),
                new Actor(other.id(), false),
                new Actor(admin.id(), false),
                new Actor(coOwner.id(), false),
                new Actor(UserId.random(), false, Set.of(team), false),
                new Actor(other.id(), false, Set.of(team, otherTeam), false),
                new Actor(coOwner.id(), false, Set.of(otherTeam), false),
                new Actor(UserId.random(), false, Set.of(Fixtures.group()), false),
                new Actor(UserId.random(), false, Set.of(), true),
                new Actor(UserId.random(), false));

        for (Actor reader : readers) {
            List<Registration> visible = new ArrayList<>();
            List<Registration> theirs = new ArrayList<>();
            for (int i = 0; i < population.size(); i++) {
                if (Visibility.sees(reader, population.get(i), owners.get(i))) {
                    visible.add(population.get(i));
                }
                if (new RegistrationQuery.Mine(reader).includes(population.get(i), owners.get(i))) {
                    theirs.add(population.get(i));
                }
            }
            assertThat(list(query(new RegistrationQuery.VisibleTo(reader), Optional.empty())))
                    .as("what %s sees", reader)
                    .containsExactlyInAnyOrderElementsOf(visible);
            assertThat(list(query(new RegistrationQuery.Mine(reader), Optional.empty())))
                    .as("what %s holds as theirs", reader)
                    .containsExactlyInAnyOrderElementsOf(theirs);
            for (RegistrationStatus status : RegistrationStatus.values()) {
                assertThat(list(query(new RegistrationQuery.VisibleTo(reader), Optional.of(status))))
                        .as("what %s sees in %s", reader, status)
                        .containsExactlyInAnyOrderElementsOf(visible.stream()
                                .filter(r -> r.status() == status)
                                .toList());
            }
        }
        assertThat(population).hasSize(24).anyMatch(Registration::isDeleted);
    }

    @Test
    void an_owner_sees_the_pending_versions_of_their_server_as_a_user_or_through_a_group_of_their_token() {
        User coOwner = users().save(Fixtures.user());
        GroupId team = Fixtures.group();
        Registration othersPending = stored(pendingOf(other, "shared", "2.0.0", T0));
        serverOwners()
                .save(othersPending.serverName(), Owners.of(Owner.user(other.id()), Owner.user(coOwner.id())), T0);
        Registration teamsPending = stored(pendingOf(other, "teams", "1.0.0", T0));
        serverOwners().save(teamsPending.serverName(), Owners.of(Owner.user(other.id()), Owner.group(team)), T0);

        Actor asUser = new Actor(coOwner.id(), false);
        Actor asMember = new Actor(submitter.id(), false, Set.of(team), false);
        Actor withOverage = new Actor(submitter.id(), false, Set.of(), true);

        assertThat(list(query(new RegistrationQuery.VisibleTo(asUser), Optional.of(PENDING))))
                .containsExactly(othersPending);
        assertThat(list(query(new RegistrationQuery.Mine(asUser), Optional.empty())))
                .containsExactly(othersPending);
        assertThat(list(query(new RegistrationQuery.VisibleTo(asMember), Optional.of(PENDING))))
                .containsExactly(teamsPending);
        assertThat(list(query(new RegistrationQuery.Mine(asMember), Optional.empty())))
                .containsExactly(teamsPending);
        assertThat(list(query(new RegistrationQuery.VisibleTo(withOverage), Optional.of(PENDING))))
                .as("an overage lists no groups: a member of none")
                .isEmpty();
        assertThat(list(query(Fixtures.visibleToUser(submitter.id()), Optional.of(PENDING))))
                .isEmpty();
    }

    @Test
    void mine_lists_the_readers_submissions_when_they_own_no_other_server() {
        World world = new World();

        assertThat(list(query(Fixtures.mineOf(other.id()), Optional.empty())))
                .containsExactlyInAnyOrder(world.approved, world.deprecated, world.rejected, world.othersPending);
        assertThat(list(query(Fixtures.mineOf(admin.id()), Optional.empty()))).isEmpty();
    }

    @Test
    void the_status_filter_keeps_only_that_status_within_the_scope() {
        World world = new World();

        assertThat(list(query(Fixtures.visibleToAnAdministrator(), Optional.of(APPROVED))))
                .containsExactly(world.approved);
        assertThat(list(query(Fixtures.visibleToAnAdministrator(), Optional.of(PENDING))))
                .containsExactlyInAnyOrder(world.ownPending, world.othersPending);
        assertThat(list(query(Fixtures.visibleToUser(submitter.id()), Optional.of(PENDING))))
                .containsExactly(world.ownPending);
        assertThat(list(query(Fixtures.visibleToUser(submitter.id()), Optional.of(REJECTED))))
                .isEmpty();
        assertThat(list(query(Fixtures.mineOf(other.id()), Optional.of(DEPRECATED))))
                .containsExactly(world.deprecated);
    }

    private List<Registration> search(String text) {
        return list(new RegistrationQuery(
                Fixtures.mineOf(submitter.id()), Optional.empty(), Optional.of(text), PageRequest.first(100)));
    }

    private Registration storedWith(String local, String title, String description) {
        ServerDetails details = someDetails()
                .withTitle(title)
                .withDescription(description)
                .withEndpointUrl(endpoint(local))
                .build();
        return stored(pending(submitter.id(), name(local), "1.0.0", details, T0));
    }

    @Test
    void search_finds_a_case_insensitive_substring_of_name_title_or_description() {
        Registration byName = storedWith("Finance-Bridge", "Alpha", "First");
        Registration byTitle = storedWith("b", "The LEDGER Tools", "Second");
        Registration byDescription = storedWith("c", "Gamma", "Moves Payroll data");
        storedWith("d", "Delta", "Unrelated");

        assertThat(search("finance-BRIDGE")).containsExactly(byName);
        assertThat(search("ledger tools")).containsExactly(byTitle);
        assertThat(search("PAYROLL")).containsExactly(byDescription);
        assertThat(search(namespace)).hasSize(4);
        assertThat(search("nowhere to be found")).isEmpty();
    }

    @Test
    void search_takes_percent_underscore_and_backslash_literally() {
        Registration percent = storedWith("p1", "Save 100% now", "x");
        storedWith("p2", "Save 1000 now", "x");
        Registration underscore = storedWith("abc_def", "Alpha", "x");
        storedWith("abcxdef", "Alpha", "x");
        Registration backslash = storedWith("w1", "C:\\tools", "x");
        storedWith("w2", "C:tools", "x");

        assertThat(search("100%")).containsExactly(percent);
        assertThat(search("100% now")).containsExactly(percent);
        assertThat(search("abc_def")).containsExactly(underscore);
        assertThat(search("abc_d")).containsExactly(underscore);
        assertThat(search("C:\\tools")).containsExactly(backslash);
        assertThat(search("\\too")).containsExactly(backslash);
    }

    @Test
    void search_combines_with_the_scope_and_the_status() {
        World world = new World();

        assertThat(list(new RegistrationQuery(
                        Fixtures.visibleToUser(submitter.id()),
                        Optional.of(APPROVED),
                        Optional.of(name("appro")),
                        PageRequest.first(10))))
                .containsExactly(world.approved);
        assertThat(list(new RegistrationQuery(
                        Fixtures.visibleToUser(submitter.id()),
                        Optional.empty(),
                        Optional.of(name("others-pending")),
                        PageRequest.first(10))))
                .isEmpty();
    }

    @Test
    void lists_are_newest_first_and_ties_in_time_go_to_the_higher_id() {
        List<Registration> stored = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // Three registrations share each moment.
            stored.add(stored(pendingOf(submitter, "s" + i, "1.0.0", T0.plusMillis(i / 3))));
        }
        List<Registration> expected = new ArrayList<>(stored);
        expected.sort(Fixtures.NEWEST_REGISTRATION_FIRST);

        assertThat(search(namespace)).containsExactlyElementsOf(expected);
    }

    @Test
    void keyset_paging_walks_every_registration_once_across_many_pages() {
        List<Registration> stored = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            // Runs of four equal creation times, the hard case for a cursor.
            stored.add(stored(pendingOf(submitter, "p" + i, "1.0.0", T0.plusSeconds(i / 4))));
        }
        List<Registration> expected = new ArrayList<>(stored);
        expected.sort(Fixtures.NEWEST_REGISTRATION_FIRST);

        List<Registration> walked = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        int pages = 0;
        do {
            Page<Registration> page = registrations()
                    .find(new RegistrationQuery(
                            Fixtures.mineOf(submitter.id()),
                            Optional.empty(),
                            Optional.empty(),
                            new PageRequest(5, after)));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(5);
            walked.addAll(page.items());
            after = page.next();
            pages++;
        } while (after.isPresent() && pages < 100);

        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(11);
    }

    @Test
    void a_page_that_ends_the_list_has_no_next_cursor() {
        for (int i = 0; i < 6; i++) {
            stored(pendingOf(submitter, "e" + i, "1.0.0", T0.plusSeconds(i)));
        }
        RegistrationQuery.Scope mine = Fixtures.mineOf(submitter.id());

        Page<Registration> first = registrations()
                .find(new RegistrationQuery(mine, Optional.empty(), Optional.empty(), PageRequest.first(3)));
        Page<Registration> second = registrations()
                .find(new RegistrationQuery(
                        mine, Optional.empty(), Optional.empty(), new PageRequest(3, first.next())));

        assertThat(first.items()).hasSize(3);
        assertThat(first.next()).isPresent();
        assertThat(second.items()).hasSize(3);
        assertThat(second.next()).isEmpty();
    }

    @Test
    void a_registration_keeps_its_reason_and_reviewer_through_deletion() {
        Registration rejected = stored(reviewed(pendingOf(submitter, "r", "1.0.0", T0), REJECTED, admin.id(), T0));
        Registration gone = deleted(rejected, T0.plusSeconds(3));

        registrations().update(gone, rejected.rowVersion());

        Registration found = registrations().findById(rejected.id()).orElseThrow();
        assertThat(found.statusReason()).contains(new Reason("reviewed in a test"));
        assertThat(found.reviewedBy()).contains(admin.id());
        assertThat(found.isDeleted()).isTrue();
        assertThat(found.serverName()).isEqualTo(new ServerName(name("r")));
        assertThat(found.version()).isEqualTo(new Version("1.0.0"));
    }
}
