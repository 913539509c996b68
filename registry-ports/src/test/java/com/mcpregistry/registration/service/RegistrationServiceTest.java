package com.mcpregistry.registration.service;

import static com.mcpregistry.domain.shared.RegistrationStatus.APPROVED;
import static com.mcpregistry.domain.shared.RegistrationStatus.DEPRECATED;
import static com.mcpregistry.domain.shared.RegistrationStatus.PENDING;
import static com.mcpregistry.domain.shared.RegistrationStatus.REJECTED;
import static com.mcpregistry.domain.testing.ServerDetailsTestData.someDetails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.contract.FailingAuditTrail;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.audit.FieldChange;
import com.mcpregistry.domain.error.AlreadyTaken;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.error.Forbidden;
import com.mcpregistry.domain.error.IdempotencyKeyReused;
import com.mcpregistry.domain.error.InvalidInput;
import com.mcpregistry.domain.error.NotFound;
import com.mcpregistry.domain.error.StaleVersion;
import com.mcpregistry.domain.error.VersionRequired;
import com.mcpregistry.domain.ownership.NotAnOwner;
import com.mcpregistry.domain.registration.DetailsPatch;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.serverjson.HttpUrl;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.serverjson.ServerDocument;
import com.mcpregistry.domain.serverjson.Title;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.testing.ServerDocumentTestData;
import com.mcpregistry.domain.testing.TestClock;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.inmemory.InMemoryDatabase;
import com.mcpregistry.inmemory.InMemoryOwnership;
import com.mcpregistry.paging.Cursor;
import com.mcpregistry.paging.Page;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.registration.port.in.DeleteRegistrationUseCase.DeleteRegistration;
import com.mcpregistry.registration.port.in.EditRegistrationUseCase.EditRegistration;
import com.mcpregistry.registration.port.in.FindRegistrationsUseCase.RegistrationFilter;
import com.mcpregistry.registration.port.in.ReviewRegistrationUseCase.ChangeStatus;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.IdempotencyKey;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.SubmitRegistration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RegistrationServiceTest {

    private static final Reason REASON = new Reason("the endpoint does not answer");

    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final InMemoryDatabase db = new InMemoryDatabase();
    private final FailingAuditTrail auditTrail = new FailingAuditTrail(db.auditTrail());
    private final RegistrationService service = new RegistrationService(
            db.registrationRepository(),
            db.publishedServers(),
            auditTrail,
            db.idempotencyKeys(),
            db,
            clock,
            InMemoryOwnership.openOver(db));

    private final Actor alice = new Actor(UserId.random(), false);
    private final Actor bob = new Actor(UserId.random(), false);
    private final Actor admin = new Actor(UserId.random(), true);

    private static ServerDetails details(String title, String description, String endpoint) {
        return someDetails()
                .withTitle(title)
                .withDescription(description)
                .withEndpointUrl(endpoint)
                .withOwnerContact("owner@contoso.com")
                .build();
    }

    private Registration submit(Actor actor, String name, String version) {
        return submit(actor, name, version, "https://" + name.replace('/', '.') + ".contoso.com/mcp");
    }

    private Registration submit(Actor actor, String name, String version, String endpoint) {
        Registration r = service.submit(new SubmitRegistration(
                actor,
                new ServerName(name),
                new Version(version),
                details("Title of " + name, "Serves " + name, endpoint),
                Optional.empty(),
                Optional.of("req-submit")));
        clock.advance(Duration.ofSeconds(1));
        return r;
    }

    private Registration submit(Actor actor, String name) {
        return submit(actor, name, "1.0.0");
    }

    private Registration changeStatus(Actor actor, RegistrationId id, RegistrationStatus target, Reason reason) {
        return service.changeStatus(new ChangeStatus(
                actor, id, target, Optional.ofNullable(reason), Optional.empty(), Optional.of("req-review")));
    }

    private Registration approved(Actor submitter, String name) {
        return changeStatus(admin, submit(submitter, name).id(), APPROVED, null);
    }

    private Registration inStatus(Actor submitter, String name, RegistrationStatus status) {
        Registration r = submit(submitter, name);
        return switch (status) {
            case PENDING -> r;
            case APPROVED -> changeStatus(admin, r.id(), APPROVED, null);
            case REJECTED -> changeStatus(admin, r.id(), REJECTED, REASON);
            case DEPRECATED ->
                changeStatus(admin, changeStatus(admin, r.id(), APPROVED, null).id(), DEPRECATED, REASON);
        };
    }

    private Registration edit(Actor actor, RegistrationId id, DetailsPatch patch, Optional<Long> ifMatch) {
        return service.edit(new EditRegistration(actor, id, patch, ifMatch, Optional.of("req-edit")));
    }

    private static DetailsPatch newTitle(String title) {
        return new DetailsPatch(
                Optional.empty(),
                Optional.of(new Title(title)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static DetailsPatch newEndpoint(String endpoint) {
        return new DetailsPatch(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new HttpUrl(endpoint)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private void delete(Actor actor, RegistrationId id) {
        service.delete(new DeleteRegistration(actor, id, Optional.empty(), Optional.of("req-delete")));
    }

    private List<AuditEvent> allEvents() {
        return events(db.auditTrail()
                .find(new AuditQuery(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), PageRequest.first(100)))
                .items());
    }

    private static List<AuditEvent> events(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::event).toList();
    }

    private static RegistrationFilter all(int limit) {
        return new RegistrationFilter(Optional.empty(), Optional.empty(), PageRequest.first(limit));
    }

    private static List<RegistrationId> ids(Page<Registration> page) {
        return page.items().stream().map(Registration::id).toList();
    }

    private static List<RegistrationId> ids(Registration... registrations) {
        return List.of(registrations).stream().map(Registration::id).toList();
    }

    /** Submitting registers a pending registration once per name and version. */
    @Nested
    class Submitting {

        @Test
        void submitting_stores_a_pending_registration_with_one_submit_event() {
            Instant at = clock.instant();

            Registration r = submit(alice, "com.contoso/ledger", "1.2.0");

            assertThat(r.status()).isEqualTo(PENDING);
            assertThat(r.submitterId()).isEqualTo(alice.userId());
            assertThat(r.rowVersion()).isEqualTo(1);
            assertThat(r.createdAt()).isEqualTo(at);
            assertThat(service.get(alice, r.id())).isEqualTo(r);
            assertThat(allEvents()).singleElement().satisfies(e -> {
                assertThat(e.action().wireName()).isEqualTo("submit");
                assertThat(e.actorId()).contains(alice.userId());
                assertThat(e.registrationId()).contains(r.id());
                assertThat(e.fromStatus()).isEmpty();
                assertThat(e.toStatus()).contains(PENDING);
                assertThat(e.requestId()).contains("req-submit");
            });
        }

        @Test
        void times_are_kept_to_the_microsecond_as_the_database_keeps_them() {
            clock.advance(Duration.ofNanos(123_456_789));

            Registration r = submit(alice, "com.contoso/ledger");

            assertThat(r.createdAt()).isEqualTo(Instant.parse("2025-03-01T09:00:00.123456Z"));
            assertThat(allEvents().get(0).at()).isEqualTo(r.createdAt());
        }

        @Test
        void submitting_the_same_name_and_version_twice_is_a_conflict_and_writes_nothing() {
            submit(alice, "com.contoso/ledger", "1.0.0");

            assertThatThrownBy(() -> submit(alice, "com.contoso/ledger", "1.0.0", "https://other.contoso.com/mcp"))
                    .isInstanceOf(Conflict.class);
            assertThat(service.list(admin, all(100)).items()).hasSize(1);
            assertThat(allEvents()).hasSize(1);
        }

        @Test
        void another_version_of_the_same_server_may_share_the_endpoint() {
            Registration v1 = submit(alice, "com.contoso/ledger", "1.0.0", "https://ledger.contoso.com/mcp");
            Registration v2 = submit(alice, "com.contoso/ledger", "2.0.0", "https://ledger.contoso.com/mcp");

            assertThat(v2.details().definition().remotes())
                    .isEqualTo(v1.details().definition().remotes());
            assertThat(service.list(admin, all(100)).items()).hasSize(2);
        }

        @Test
        void an_endpoint_url_belongs_to_one_server_name_only() {
            submit(alice, "com.contoso/ledger", "1.0.0", "https://ledger.contoso.com/mcp");

            assertThatThrownBy(() -> submit(bob, "com.fabrikam/ledger", "1.0.0", "https://ledger.contoso.com/mcp"))
                    .isInstanceOf(Conflict.class);
            assertThat(allEvents()).hasSize(1);
        }

        @Test
        void a_deleted_registrations_name_and_version_are_never_submitted_again() {
            Registration first = approved(alice, "com.contoso/ledger");
            delete(admin, first.id());
            int events = allEvents().size();

            // Nobody but an administrator sees a deleted registration, its submitter included.
            assertThatThrownBy(() -> submit(alice, "com.contoso/ledger", "1.0.0"))
                    .isInstanceOf(Conflict.class)
                    .hasMessageContaining("com.contoso/ledger version 1.0.0 is taken")
                    .hasMessageContaining("a version is never reused, not even after its registration was deleted")
                    .hasMessageNotContaining(first.id().toString());
            assertThatThrownBy(() -> submit(admin, "com.contoso/ledger", "1.0.0"))
                    .isInstanceOf(Conflict.class)
                    .hasMessage("com.contoso/ledger 1.0.0 existed before and was deleted (registration " + first.id()
                            + "); versions are never reused: submit a new version");
            assertThat(allEvents()).hasSize(events);
            assertThat(submit(alice, "com.contoso/ledger", "1.0.1").status()).isEqualTo(PENDING);
        }

        @Test
        void a_taken_name_and_version_is_named_to_its_owners_and_administrators_and_others_may_not_submit_at_all() {
            Registration pending = submit(alice, "com.contoso/ledger", "1.0.0", "https://ledger.contoso.com/mcp");
            String detailed = "com.contoso/ledger version 1.0.0 is registered already: registration " + pending.id()
                    + ", Pending";

            assertThatThrownBy(() -> submit(bob, "com.contoso/ledger", "1.0.0", "https://bob.contoso.com/mcp"))
                    .isInstanceOf(NotAnOwner.class)
                    .hasMessage("only the owners of com.contoso/ledger and administrators may submit its versions;"
                            + " the owners are user:" + alice.userId());
            assertThatThrownBy(() -> submit(admin, "com.contoso/ledger", "1.0.0", "https://admin.contoso.com/mcp"))
                    .hasMessage(detailed);
            assertThatThrownBy(() -> submit(alice, "com.contoso/ledger", "1.0.0", "https://other.contoso.com/mcp"))
                    .hasMessage(detailed);
        }

        @Test
        void an_endpoint_of_a_hidden_registration_is_taken_without_naming_its_server() {
            Registration hidden = submit(alice, "com.contoso/ledger", "1.0.0", "https://ledger.contoso.com/mcp");
            String respelt = "https://Ledger.Contoso.com:443/mcp/";

            assertThatThrownBy(() -> submit(bob, "com.fabrikam/ledger", "1.0.0", respelt))
                    .isInstanceOf(AlreadyTaken.class)
                    .hasMessage("the remote URL " + respelt + " belongs to another server name");
            String detailed = "the remote URL " + respelt + " belongs to server com.contoso/ledger: registration "
                    + hidden.id() + " (Pending) has the remote URL https://ledger.contoso.com/mcp";
            assertThatThrownBy(() -> submit(admin, "com.fabrikam/ledger", "1.0.0", respelt))
                    .hasMessage(detailed);
            assertThatThrownBy(() -> submit(alice, "com.fabrikam/ledger", "1.0.0", respelt))
                    .hasMessage(detailed);
            Registration bobs = submit(bob, "com.fabrikam/ledger", "1.0.0", "https://ledger.fabrikam.com/mcp");
            assertThatThrownBy(() -> edit(bob, bobs.id(), newEndpoint(respelt), Optional.empty()))
                    .hasMessage("the remote URL " + respelt + " belongs to another server name");
            assertThat(allEvents()).hasSize(2);
        }

        @Test
        void an_endpoint_with_an_upper_case_scheme_a_fragment_or_a_port_outside_1_to_65535_is_invalid() {
            for (String endpoint : List.of(
                    "https://ledger.contoso.com/mcp#tools",
                    "https://ledger.contoso.com/mcp#",
                    "https://ledger.contoso.com:0/mcp",
                    "https://ledger.contoso.com:65536/mcp",
                    "https://ledger.contoso.com:99999/mcp",
                    "HTTPS://ledger.contoso.com/mcp")) {
                assertThatThrownBy(() -> submit(alice, "com.contoso/ledger", "1.0.0", endpoint))
                        .as(endpoint)
                        .isInstanceOfSatisfying(
                                InvalidInput.class,
                                invalid -> assertThat(invalid.errors())
                                        .extracting(FieldError::field)
                                        .containsExactly(ServerDetails.REMOTE_URL));
            }
            Registration r = submit(alice, "com.contoso/ledger", "1.0.0", "https://ledger.contoso.com:65535/mcp");
            assertThatThrownBy(() ->
                            edit(alice, r.id(), newEndpoint("https://ledger.contoso.com/mcp#x"), Optional.empty()))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining(ServerDetails.REMOTE_URL);
            assertThat(allEvents()).hasSize(1);
        }
    }

    /** Registrations that hold a whole server.json: packages and remotes with headers and variables. */
    @Nested
    class Documents {

        private Registration submitDocument(Actor actor, String name, String version, ServerDefinition definition) {
            Registration r = service.submit(new SubmitRegistration(
                    actor,
                    new ServerName(name),
                    new Version(version),
                    new ServerDetails(definition, Optional.empty(), Tags.NONE),
                    Optional.empty(),
                    Optional.of("req-submit")));
            clock.advance(Duration.ofSeconds(1));
            return r;
        }

        @Test
        void a_server_with_packages_of_every_type_and_a_remote_with_headers_and_variables_is_submitted_whole() {
            ServerDefinition everything = ServerDocumentTestData.definition(
                    List.of(
                            ServerDocumentTestData.npmPackage(),
                            ServerDocumentTestData.pypiPackage(),
                            ServerDocumentTestData.nugetPackage(),
                            ServerDocumentTestData.ociPackage(),
                            ServerDocumentTestData.mcpbPackage()),
                    List.of(ServerDocumentTestData.remoteWithHeadersAndVariables()));

            Registration r = submitDocument(alice, "io.github.user/weather", "2.1.0", everything);

            assertThat(service.get(alice, r.id()).details().definition()).isEqualTo(everything);
            assertThat(r.document().name()).isEqualTo(new ServerName("io.github.user/weather"));
        }

        @Test
        void a_package_of_another_server_is_taken_however_its_name_is_spelt_but_versions_of_one_server_share_it() {
            ServerDefinition npm =
                    ServerDocumentTestData.definition(List.of(ServerDocumentTestData.npmPackage()), List.of());
            Registration held = submitDocument(alice, "com.contoso/weather", "1.0.0", npm);
            submitDocument(alice, "com.contoso/weather", "1.1.0", npm);

            assertThatThrownBy(() -> submitDocument(bob, "com.fabrikam/weather", "1.0.0", npm))
                    .isInstanceOf(AlreadyTaken.class)
                    .hasMessage("the npm package @modelcontextprotocol/server-weather belongs to another server name");
            assertThatThrownBy(() -> submitDocument(admin, "com.fabrikam/weather", "1.0.0", npm))
                    .hasMessage("the npm package @modelcontextprotocol/server-weather belongs to server"
                            + " com.contoso/weather: registration " + held.id() + " (Pending) has the npm package"
                            + " @modelcontextprotocol/server-weather");
        }

        @Test
        void an_edit_replaces_the_whole_document_of_the_same_name_and_version_and_no_other() {
            Registration r = submit(alice, "com.contoso/ledger", "1.0.0");
            ServerDefinition local =
                    ServerDocumentTestData.definition(List.of(ServerDocumentTestData.pypiPackage()), List.of());

            Registration edited = edit(
                    alice,
                    r.id(),
                    DetailsPatch.replacing(new ServerDocument(r.serverName(), r.version(), local)),
                    Optional.empty());

            assertThat(edited.details().definition()).isEqualTo(local);
            assertThat(edited.details().ownerContact()).isEqualTo(r.details().ownerContact());
            assertThatThrownBy(() -> edit(
                            alice,
                            r.id(),
                            DetailsPatch.replacing(new ServerDocument(r.serverName(), new Version("2.0.0"), local)),
                            Optional.empty()))
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            e -> assertThat(e.errors())
                                    .extracting(FieldError::field)
                                    .containsExactly("/version"));
        }

        @Test
        void a_new_remote_over_plain_http_is_refused_outside_development() {
            Registration r = submit(alice, "com.contoso/ledger", "1.0.0");

            assertThatThrownBy(() -> submit(alice, "com.contoso/plain", "1.0.0", "http://plain.contoso.com/mcp"))
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            e -> assertThat(e.errors())
                                    .extracting(FieldError::field)
                                    .containsExactly(ServerDetails.REMOTE_URL));
            assertThatThrownBy(() -> edit(alice, r.id(), newEndpoint("http://plain.contoso.com/mcp"), Optional.empty()))
                    .isInstanceOf(InvalidInput.class);
        }
    }

    /** The submitter edits details while a registration is in review. */
    @Nested
    class Editing {

        @Test
        void the_submitter_edits_a_pending_registration() {
            Registration r = submit(alice, "com.contoso/ledger");
            Instant editedAt = clock.instant();

            Registration edited = edit(alice, r.id(), newTitle("Ledger tools"), Optional.empty());

            assertThat(edited.details().definition().title()).contains(new Title("Ledger tools"));
            assertThat(edited.details().definition().description())
                    .isEqualTo(r.details().definition().description());
            assertThat(edited.status()).isEqualTo(PENDING);
            assertThat(edited.rowVersion()).isEqualTo(2);
            assertThat(edited.updatedAt()).isEqualTo(editedAt);
            assertThat(service.get(alice, r.id())).isEqualTo(edited);
            assertThat(events(service.history(alice, r.id())))
                    .extracting(e -> e.action().wireName())
                    .containsExactly("submit", "edit");
        }

        @Test
        void editing_a_rejected_registration_sends_it_back_to_pending() {
            Registration rejected = inStatus(alice, "com.contoso/ledger", REJECTED);

            Registration edited = edit(alice, rejected.id(), newTitle("Fixed"), Optional.empty());

            assertThat(edited.status()).isEqualTo(PENDING);
            assertThat(events(service.history(admin, rejected.id()))).last().satisfies(e -> {
                assertThat(e.action().wireName()).isEqualTo("edit");
                assertThat(e.fromStatus()).contains(REJECTED);
                assertThat(e.toStatus()).contains(PENDING);
            });
        }

        @Test
        void an_edit_that_changes_nothing_stores_nothing_and_records_nothing() {
            Registration r = submit(alice, "com.contoso/ledger");
            List<AuditEvent> before = events(service.history(alice, r.id()));

            Registration empty = edit(alice, r.id(), DetailsPatch.NOTHING, Optional.empty());
            Registration same = edit(
                    alice,
                    r.id(),
                    newTitle(r.details().definition().title().orElseThrow().value()),
                    Optional.of(1L));

            assertThat(empty).isEqualTo(r);
            assertThat(same).isEqualTo(r);
            assertThat(service.get(alice, r.id())).isEqualTo(r);
            assertThat(events(service.history(alice, r.id()))).isEqualTo(before);
        }

        @Test
        void an_edit_that_changes_nothing_is_refused_as_a_real_edit_would_be() {
            Registration approved = approved(alice, "com.contoso/ledger");
            Registration pending = submit(alice, "com.contoso/other");

            assertThatThrownBy(() -> edit(alice, approved.id(), DetailsPatch.NOTHING, Optional.empty()))
                    .isInstanceOf(Conflict.class);
            assertThatThrownBy(() -> edit(bob, approved.id(), DetailsPatch.NOTHING, Optional.empty()))
                    .isInstanceOf(Forbidden.class);
            assertThatThrownBy(() -> edit(alice, pending.id(), DetailsPatch.NOTHING, Optional.of(7L)))
                    .isInstanceOf(StaleVersion.class);
        }

        @Test
        void an_edits_history_event_lists_the_fields_it_changed() {
            Registration r = submit(alice, "com.contoso/ledger");

            edit(alice, r.id(), newTitle("Ledger tools"), Optional.empty());

            assertThat(events(service.history(alice, r.id())))
                    .last()
                    .satisfies(e -> assertThat(e.changes())
                            .containsExactly(FieldChange.of(
                                    "title", Optional.of("Title of com.contoso/ledger"), Optional.of("Ledger tools"))));
        }

        @Test
        void editing_a_rejected_registration_clears_its_review_and_the_history_keeps_it() {
            Registration rejected = inStatus(alice, "com.contoso/ledger", REJECTED);

            Registration edited = edit(alice, rejected.id(), newTitle("Fixed"), Optional.empty());

            assertThat(edited.reviewedBy()).isEmpty();
            assertThat(edited.reviewedAt()).isEmpty();
            assertThat(edited.statusReason()).isEmpty();
            assertThat(service.get(alice, rejected.id())).isEqualTo(edited);
            assertThat(events(service.history(admin, rejected.id())))
                    .filteredOn(e -> e.action().wireName().equals("reject"))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.actorId()).contains(admin.userId());
                        assertThat(e.reason()).contains(REASON.value());
                    });
        }

        @Test
        void editing_an_approved_registration_is_a_conflict_even_for_its_submitter() {
            Registration approved = approved(alice, "com.contoso/ledger");

            assertThatThrownBy(() -> edit(alice, approved.id(), newTitle("Changed"), Optional.empty()))
                    .isInstanceOf(Conflict.class);
            assertThat(service.get(alice, approved.id())).isEqualTo(approved);
        }

        @Test
        void another_user_editing_a_pending_registration_hears_it_does_not_exist() {
            Registration r = submit(alice, "com.contoso/ledger");

            assertThatThrownBy(() -> edit(bob, r.id(), newTitle("Mine now"), Optional.empty()))
                    .isInstanceOf(NotFound.class);
            assertThat(service.get(alice, r.id())).isEqualTo(r);
        }

        @Test
        void another_user_editing_a_visible_registration_is_forbidden() {
            Registration approved = approved(alice, "com.contoso/ledger");
            Registration deprecated = changeStatus(alice, approved.id(), DEPRECATED, REASON);

            assertThatThrownBy(() -> edit(bob, approved.id(), newTitle("Mine now"), Optional.empty()))
                    .isInstanceOf(Forbidden.class);
            assertThat(service.get(bob, approved.id())).isEqualTo(deprecated);
        }

        @Test
        void an_admin_may_not_edit_someone_elses_registration() {
            Registration r = submit(alice, "com.contoso/ledger");

            assertThatThrownBy(() -> edit(admin, r.id(), newTitle("Admin's title"), Optional.empty()))
                    .isInstanceOf(Forbidden.class);
        }

        @Test
        void an_edit_with_a_stale_if_match_fails_its_precondition_and_changes_nothing() {
            Registration r = submit(alice, "com.contoso/ledger");
            edit(alice, r.id(), newTitle("Second"), Optional.of(1L));

            assertThatThrownBy(() -> edit(alice, r.id(), newTitle("Third"), Optional.of(1L)))
                    .isInstanceOf(StaleVersion.class);
            assertThat(service.get(alice, r.id()).details().definition().title())
                    .contains(new Title("Second"));
            assertThat(service.get(alice, r.id()).rowVersion()).isEqualTo(2);
            assertThat(allEvents()).hasSize(2);
        }

        @Test
        void editing_to_the_endpoint_of_another_server_is_a_conflict() {
            submit(bob, "com.fabrikam/tools", "1.0.0", "https://tools.fabrikam.com/mcp");
            Registration r = submit(alice, "com.contoso/ledger", "1.0.0", "https://ledger.contoso.com/mcp");

            assertThatThrownBy(
                            () -> edit(alice, r.id(), newEndpoint("https://tools.fabrikam.com/mcp"), Optional.empty()))
                    .isInstanceOf(Conflict.class);
            assertThat(service.get(alice, r.id())).isEqualTo(r);
        }
    }

    /** Admins approve and reject; submitters deprecate; stale versions and races lose. */
    @Nested
    class Reviewing {

        private ChangeStatus verdictNamingNoVersion(Actor actor, RegistrationId id, RegistrationStatus target) {
            Optional<Reason> reason = target == APPROVED ? Optional.empty() : Optional.of(REASON);
            return new ChangeStatus(actor, id, target, reason, Optional.empty(), Optional.empty(), true);
        }

        @Test
        void an_approval_or_rejection_that_must_name_a_version_and_names_none_is_refused_and_changes_nothing() {
            Registration r = submit(alice, "com.contoso/ledger");

            for (RegistrationStatus verdict : List.of(APPROVED, REJECTED)) {
                assertThatThrownBy(() -> service.changeStatus(verdictNamingNoVersion(admin, r.id(), verdict)))
                        .isInstanceOf(VersionRequired.class);
            }
            assertThat(service.get(admin, r.id())).isEqualTo(r);
            assertThat(allEvents()).hasSize(1);
            Registration approved = service.changeStatus(new ChangeStatus(
                    admin, r.id(), APPROVED, Optional.empty(), Optional.of(1L), Optional.empty(), true));
            assertThat(approved.status()).isEqualTo(APPROVED);
        }

        @Test
        void who_may_not_make_the_move_hears_that_before_that_a_version_is_missing() {
            Registration pending = submit(alice, "com.contoso/ledger");
            Registration rejected = inStatus(alice, "com.contoso/rejected", REJECTED);

            assertThatThrownBy(() -> service.changeStatus(verdictNamingNoVersion(alice, pending.id(), APPROVED)))
                    .isInstanceOf(Forbidden.class);
            assertThatThrownBy(() -> service.changeStatus(verdictNamingNoVersion(bob, pending.id(), APPROVED)))
                    .isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> service.changeStatus(verdictNamingNoVersion(admin, rejected.id(), APPROVED)))
                    .isInstanceOf(Conflict.class);
        }

        @Test
        void deprecating_and_reactivating_need_no_version() {
            Registration approved = approved(alice, "com.contoso/ledger");

            Registration deprecated = service.changeStatus(verdictNamingNoVersion(alice, approved.id(), DEPRECATED));
            Registration reactivated = service.changeStatus(verdictNamingNoVersion(admin, deprecated.id(), APPROVED));

            assertThat(reactivated.status()).isEqualTo(APPROVED);
        }

        @Test
        void an_admin_approves_a_pending_registration_and_is_recorded_as_reviewer() {
            Registration r = submit(alice, "com.contoso/ledger");
            Instant reviewedAt = clock.instant();

            Registration approved = changeStatus(admin, r.id(), APPROVED, null);

            assertThat(approved.status()).isEqualTo(APPROVED);
            assertThat(approved.reviewedBy()).contains(admin.userId());
            assertThat(approved.reviewedAt()).contains(reviewedAt);
            assertThat(approved.rowVersion()).isEqualTo(2);
            assertThat(events(service.history(admin, r.id()))).last().satisfies(e -> {
                assertThat(e.action().wireName()).isEqualTo("approve");
                assertThat(e.actorId()).contains(admin.userId());
                assertThat(e.fromStatus()).contains(PENDING);
                assertThat(e.toStatus()).contains(APPROVED);
                assertThat(e.requestId()).contains("req-review");
            });
        }

        @Test
        void a_submitter_may_not_approve_their_own_registration() {
            Registration r = submit(alice, "com.contoso/ledger");

            assertThatThrownBy(() -> changeStatus(alice, r.id(), APPROVED, null))
                    .isInstanceOf(Forbidden.class);
            assertThat(service.get(alice, r.id()).status()).isEqualTo(PENDING);
        }

        @Test
        void rejecting_without_a_reason_is_invalid_input_and_writes_nothing() {
            Registration r = submit(alice, "com.contoso/ledger");

            assertThatThrownBy(() -> changeStatus(admin, r.id(), REJECTED, null))
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            e -> assertThat(e.errors())
                                    .extracting(FieldError::field)
                                    .containsExactly("reason"));
            assertThat(service.get(admin, r.id())).isEqualTo(r);
            assertThat(allEvents()).hasSize(1);
        }

        @Test
        void an_admin_rejects_with_a_reason_that_the_submitter_can_read() {
            Registration r = submit(alice, "com.contoso/ledger");

            changeStatus(admin, r.id(), REJECTED, REASON);

            Registration seen = service.get(alice, r.id());
            assertThat(seen.status()).isEqualTo(REJECTED);
            assertThat(seen.statusReason()).contains(REASON);
            assertThat(events(service.history(alice, r.id()))).last().satisfies(e -> {
                assertThat(e.action().wireName()).isEqualTo("reject");
                assertThat(e.reason()).contains(REASON.value());
            });
        }

        @Test
        void approving_a_rejected_registration_is_a_conflict() {
            Registration rejected = inStatus(alice, "com.contoso/ledger", REJECTED);

            assertThatThrownBy(() -> changeStatus(admin, rejected.id(), APPROVED, null))
                    .isInstanceOf(Conflict.class);
        }

        @Test
        void the_submitter_deprecates_their_approved_registration_with_a_reason() {
            Registration approved = approved(alice, "com.contoso/ledger");

            Registration deprecated = changeStatus(alice, approved.id(), DEPRECATED, REASON);

            assertThat(deprecated.status()).isEqualTo(DEPRECATED);
            assertThat(deprecated.statusReason()).contains(REASON);
            assertThat(events(service.history(alice, approved.id())))
                    .extracting(e -> e.action().wireName())
                    .containsExactly("submit", "approve", "deprecate");
        }

        @Test
        void deprecating_without_a_reason_is_invalid_input() {
            Registration approved = approved(alice, "com.contoso/ledger");

            assertThatThrownBy(() -> changeStatus(alice, approved.id(), DEPRECATED, null))
                    .isInstanceOf(InvalidInput.class);
        }

        @Test
        void another_user_may_not_deprecate_a_registration() {
            Registration approved = approved(alice, "com.contoso/ledger");

            assertThatThrownBy(() -> changeStatus(bob, approved.id(), DEPRECATED, REASON))
                    .isInstanceOf(Forbidden.class);
        }

        @Test
        void an_admin_reactivates_a_deprecated_registration_but_its_submitter_may_not() {
            Registration deprecated = inStatus(alice, "com.contoso/ledger", DEPRECATED);

            assertThatThrownBy(() -> changeStatus(alice, deprecated.id(), APPROVED, null))
                    .isInstanceOf(Forbidden.class);
            Registration reactivated = changeStatus(admin, deprecated.id(), APPROVED, null);

            assertThat(reactivated.status()).isEqualTo(APPROVED);
            assertThat(events(service.history(admin, deprecated.id())))
                    .last()
                    .satisfies(e -> assertThat(e.action().wireName()).isEqualTo("reactivate"));
        }

        @Test
        void asking_for_pending_is_invalid_input_on_status() {
            Registration approved = approved(alice, "com.contoso/ledger");

            assertThatThrownBy(() -> changeStatus(admin, approved.id(), PENDING, null))
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            e -> assertThat(e.errors())
                                    .extracting(FieldError::field)
                                    .containsExactly("status"));
        }

        @Test
        void a_review_with_a_stale_if_match_fails_its_precondition() {
            Registration r = submit(alice, "com.contoso/ledger");
            edit(alice, r.id(), newTitle("Edited"), Optional.empty());

            assertThatThrownBy(() -> service.changeStatus(new ChangeStatus(
                            admin, r.id(), APPROVED, Optional.empty(), Optional.of(1L), Optional.empty())))
                    .isInstanceOf(StaleVersion.class);
            Registration approved = service.changeStatus(
                    new ChangeStatus(admin, r.id(), APPROVED, Optional.empty(), Optional.of(2L), Optional.empty()));
            assertThat(approved.status()).isEqualTo(APPROVED);
        }

        @Test
        void of_concurrent_reviews_exactly_one_wins_and_the_others_are_conflicts() throws Exception {
            Registration r = submit(alice, "com.contoso/ledger");
            int reviewers = 8;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(reviewers);
            try {
                List<Future<Registration>> results = new ArrayList<>();
                for (int i = 0; i < reviewers; i++) {
                    Actor reviewer = new Actor(UserId.random(), true);
                    boolean approve = i % 2 == 0;
                    Callable<Registration> review = () -> {
                        start.await();
                        return changeStatus(reviewer, r.id(), approve ? APPROVED : REJECTED, approve ? null : REASON);
                    };
                    results.add(pool.submit(review));
                }
                start.countDown();

                int won = 0;
                int conflicts = 0;
                for (Future<Registration> result : results) {
                    try {
                        result.get(10, TimeUnit.SECONDS);
                        won++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(Conflict.class);
                        conflicts++;
                    }
                }
                assertThat(won).isEqualTo(1);
                assertThat(conflicts).isEqualTo(reviewers - 1);
                assertThat(service.get(admin, r.id()).rowVersion()).isEqualTo(2);
                assertThat(events(service.history(admin, r.id()))).hasSize(2);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Deleting hides a registration for good but keeps its history. */
    @Nested
    class Deleting {

        @Test
        void a_deleted_registration_is_gone_from_every_read() {
            Registration r = submit(alice, "com.contoso/ledger");

            delete(alice, r.id());

            assertThatThrownBy(() -> service.get(alice, r.id())).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> service.get(admin, r.id())).isInstanceOf(NotFound.class);
            assertThat(service.list(alice, all(100)).items()).isEmpty();
            assertThat(service.list(admin, all(100)).items()).isEmpty();
            assertThat(service.listMine(alice, all(100)).items()).isEmpty();
            assertThat(service.listMine(admin, all(100)).items()).isEmpty();
        }

        @Test
        void the_history_of_a_deleted_registration_stays_available_to_admins_only() {
            Registration r = submit(alice, "com.contoso/ledger");
            delete(alice, r.id());

            assertThat(events(service.history(admin, r.id())))
                    .extracting(e -> e.action().wireName())
                    .containsExactly("submit", "delete");
            assertThat(events(service.history(admin, r.id()))).last().satisfies(e -> {
                assertThat(e.actorId()).contains(alice.userId());
                assertThat(e.fromStatus()).contains(PENDING);
                assertThat(e.toStatus()).isEmpty();
                assertThat(e.requestId()).contains("req-delete");
            });
            assertThatThrownBy(() -> events(service.history(alice, r.id()))).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> events(service.history(bob, r.id()))).isInstanceOf(NotFound.class);
        }

        @Test
        void the_submitter_deletes_a_rejected_registration() {
            Registration rejected = inStatus(alice, "com.contoso/ledger", REJECTED);

            delete(alice, rejected.id());

            assertThatThrownBy(() -> service.get(alice, rejected.id())).isInstanceOf(NotFound.class);
        }

        @Test
        void a_submitter_may_not_delete_an_approved_registration_but_an_admin_may() {
            Registration approved = approved(alice, "com.contoso/ledger");

            assertThatThrownBy(() -> delete(alice, approved.id())).isInstanceOf(Forbidden.class);
            assertThat(service.get(bob, approved.id())).isEqualTo(approved);

            delete(admin, approved.id());
            assertThatThrownBy(() -> service.get(bob, approved.id())).isInstanceOf(NotFound.class);
        }

        @Test
        void another_user_deleting_a_pending_registration_hears_it_does_not_exist() {
            Registration r = submit(alice, "com.contoso/ledger");

            assertThatThrownBy(() -> delete(bob, r.id())).isInstanceOf(NotFound.class);
            assertThat(service.get(alice, r.id())).isEqualTo(r);
        }

        @Test
        void a_deleted_registration_cannot_be_changed_any_more() {
            Registration r = submit(alice, "com.contoso/ledger");
            delete(admin, r.id());

            assertThatThrownBy(() -> delete(admin, r.id())).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> changeStatus(admin, r.id(), APPROVED, null))
                    .isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> edit(alice, r.id(), newTitle("Back"), Optional.empty()))
                    .isInstanceOf(NotFound.class);
            assertThat(events(service.history(admin, r.id()))).hasSize(2);
        }

        @Test
        void a_delete_with_a_stale_if_match_fails_its_precondition() {
            Registration r = submit(alice, "com.contoso/ledger");

            assertThatThrownBy(() ->
                            service.delete(new DeleteRegistration(alice, r.id(), Optional.of(7L), Optional.empty())))
                    .isInstanceOf(StaleVersion.class);
            assertThat(service.get(alice, r.id())).isEqualTo(r);
        }
    }

    /** Who sees a registration and its history. */
    @Nested
    class Visibility {

        @Test
        void everyone_sees_approved_and_deprecated_registrations() {
            Registration approved = approved(alice, "com.contoso/approved");
            Registration deprecated = inStatus(alice, "com.contoso/deprecated", DEPRECATED);

            assertThat(service.get(bob, approved.id())).isEqualTo(approved);
            assertThat(service.get(bob, deprecated.id())).isEqualTo(deprecated);
        }

        @Test
        void others_pending_and_rejected_registrations_are_not_found_but_their_submitter_and_admins_see_them() {
            Registration pending = submit(alice, "com.contoso/pending");
            Registration rejected = inStatus(alice, "com.contoso/rejected", REJECTED);

            for (Registration r : List.of(pending, rejected)) {
                assertThatThrownBy(() -> service.get(bob, r.id())).isInstanceOf(NotFound.class);
                assertThat(service.get(alice, r.id()).id()).isEqualTo(r.id());
                assertThat(service.get(admin, r.id()).id()).isEqualTo(r.id());
            }
        }

        @Test
        void an_unknown_registration_is_not_found_even_for_admins() {
            assertThatThrownBy(() -> service.get(admin, RegistrationId.random()))
                    .isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> events(service.history(admin, RegistrationId.random())))
                    .isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> changeStatus(admin, RegistrationId.random(), APPROVED, null))
                    .isInstanceOf(NotFound.class);
        }

        @Test
        void the_history_is_for_the_submitter_and_admins_oldest_first() {
            Registration r = approved(alice, "com.contoso/ledger");

            assertThat(events(service.history(alice, r.id())))
                    .extracting(e -> e.action().wireName())
                    .containsExactly("submit", "approve");
            assertThat(events(service.history(admin, r.id())))
                    .extracting(e -> e.action().wireName())
                    .containsExactly("submit", "approve");
            assertThatThrownBy(() -> events(service.history(bob, r.id()))).isInstanceOf(NotFound.class);
        }

        @Test
        void the_history_holds_only_that_registrations_events() {
            Registration mine = submit(alice, "com.contoso/ledger");
            submit(bob, "com.fabrikam/tools");

            assertThat(events(service.history(alice, mine.id())))
                    .singleElement()
                    .satisfies(e -> assertThat(e.registrationId()).contains(mine.id()));
        }
    }

    /** Lists, filters, search and paging. */
    @Nested
    class Lists {

        @Test
        void a_user_lists_published_registrations_and_their_own_newest_first() {
            Registration alicesPending = submit(alice, "com.contoso/a-pending");
            Registration bobsPending = submit(bob, "com.fabrikam/b-pending");
            Registration bobsApproved = approved(bob, "com.fabrikam/b-approved");
            Registration bobsRejected = inStatus(bob, "com.fabrikam/b-rejected", REJECTED);
            Registration bobsDeprecated = inStatus(bob, "com.fabrikam/b-deprecated", DEPRECATED);

            assertThat(ids(service.list(alice, all(100))))
                    .containsExactly(bobsDeprecated.id(), bobsApproved.id(), alicesPending.id());
            assertThat(ids(service.list(admin, all(100))))
                    .containsExactlyElementsOf(
                            ids(bobsDeprecated, bobsRejected, bobsApproved, bobsPending, alicesPending));
        }

        @Test
        void my_list_shows_only_my_own_registrations_in_every_status() {
            Registration pending = submit(alice, "com.contoso/pending");
            Registration rejected = inStatus(alice, "com.contoso/rejected", REJECTED);
            Registration approved = approved(alice, "com.contoso/approved");
            approved(bob, "com.fabrikam/approved");

            assertThat(ids(service.listMine(alice, all(100))))
                    .containsExactlyElementsOf(ids(approved, rejected, pending));
            assertThat(service.listMine(admin, all(100)).items()).isEmpty();
        }

        @Test
        void lists_filter_by_status_within_what_the_reader_may_see() {
            Registration alicesPending = submit(alice, "com.contoso/pending");
            Registration bobsPending = submit(bob, "com.fabrikam/pending");
            approved(bob, "com.fabrikam/approved");

            RegistrationFilter pendingOnly =
                    new RegistrationFilter(Optional.of(PENDING), Optional.empty(), PageRequest.first(100));
            assertThat(ids(service.list(alice, pendingOnly))).containsExactly(alicesPending.id());
            assertThat(ids(service.list(admin, pendingOnly)))
                    .containsExactlyElementsOf(ids(bobsPending, alicesPending));
            assertThat(ids(service.listMine(bob, pendingOnly))).containsExactly(bobsPending.id());
        }

        @Test
        void lists_search_name_title_and_description_case_insensitively() {
            Registration byName = service.submit(new SubmitRegistration(
                    alice,
                    new ServerName("com.contoso/LEDGER-tools"),
                    Version.DEFAULT,
                    details("Books", "Accounts", "https://a.contoso.com/mcp"),
                    Optional.empty(),
                    Optional.empty()));
            clock.advance(Duration.ofSeconds(1));
            Registration byTitle = service.submit(new SubmitRegistration(
                    alice,
                    new ServerName("com.contoso/books"),
                    Version.DEFAULT,
                    details("General Ledger", "Accounts", "https://b.contoso.com/mcp"),
                    Optional.empty(),
                    Optional.empty()));
            clock.advance(Duration.ofSeconds(1));
            Registration byDescription = service.submit(new SubmitRegistration(
                    alice,
                    new ServerName("com.contoso/accounts"),
                    Version.DEFAULT,
                    details("Accounts", "Reads the ledger", "https://c.contoso.com/mcp"),
                    Optional.empty(),
                    Optional.empty()));
            clock.advance(Duration.ofSeconds(1));
            submit(alice, "com.contoso/unrelated");

            RegistrationFilter ledger =
                    new RegistrationFilter(Optional.empty(), Optional.of("LeDgEr"), PageRequest.first(100));
            assertThat(ids(service.list(alice, ledger))).containsExactlyElementsOf(ids(byDescription, byTitle, byName));
            assertThat(ids(service.listMine(alice, ledger)))
                    .containsExactlyElementsOf(ids(byDescription, byTitle, byName));
            RegistrationFilter nothing =
                    new RegistrationFilter(Optional.empty(), Optional.of("payroll"), PageRequest.first(100));
            assertThat(service.list(admin, nothing).items()).isEmpty();
        }

        @Test
        void paging_through_a_list_with_cursors_visits_every_registration_once_newest_first() {
            List<RegistrationId> submitted = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                submitted.add(approved(alice, "com.contoso/server-" + i).id());
            }
            List<RegistrationId> newestFirst = new ArrayList<>(submitted);
            java.util.Collections.reverse(newestFirst);

            assertThat(readAllPages(3, service::list, bob)).containsExactlyElementsOf(newestFirst);
            assertThat(readAllPages(3, service::listMine, alice)).containsExactlyElementsOf(newestFirst);
        }

        @Test
        void paging_is_stable_when_many_registrations_share_one_creation_time() {
            List<RegistrationId> submitted = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                submitted.add(service.submit(new SubmitRegistration(
                                alice,
                                new ServerName("com.contoso/same-time-" + i),
                                Version.DEFAULT,
                                details("T", "D", "https://s" + i + ".contoso.com/mcp"),
                                Optional.empty(),
                                Optional.empty()))
                        .id());
            }

            List<RegistrationId> paged = readAllPages(2, service::list, admin);

            assertThat(paged).hasSize(9).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(submitted);
            assertThat(paged).isEqualTo(ids(service.list(admin, all(100))));
        }

        @Test
        void the_last_page_has_no_cursor_and_a_full_page_before_the_end_has_one() {
            approved(alice, "com.contoso/one");
            approved(alice, "com.contoso/two");

            Page<Registration> exactlyAll = service.list(bob, all(2));
            assertThat(exactlyAll.items()).hasSize(2);
            assertThat(exactlyAll.next()).isEmpty();

            Page<Registration> first = service.list(bob, all(1));
            assertThat(first.next()).isPresent();
            Page<Registration> second = service.list(
                    bob, new RegistrationFilter(Optional.empty(), Optional.empty(), new PageRequest(1, first.next())));
            assertThat(second.next()).isEmpty();
            assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));
        }

        private List<RegistrationId> readAllPages(
                int limit, BiFunction<Actor, RegistrationFilter, Page<Registration>> list, Actor reader) {
            List<RegistrationId> seen = new ArrayList<>();
            Optional<Cursor> after = Optional.empty();
            for (int pages = 0; pages < 100; pages++) {
                Page<Registration> page = list.apply(
                        reader,
                        new RegistrationFilter(Optional.empty(), Optional.empty(), new PageRequest(limit, after)));
                assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
                seen.addAll(ids(page));
                // A cursor crosses the wire as text: page on with the decoded token, as a client would.
                after = page.next().map(c -> Cursor.decode(c.encode()));
                if (after.isEmpty()) {
                    return seen;
                }
            }
            throw new AssertionError("paging did not end");
        }
    }

    /** A use case and its audit event are one transaction. */
    @Nested
    class Transactions {

        @Test
        void a_submit_whose_audit_event_fails_leaves_no_registration_behind() {
            auditTrail.failing = true;

            assertThatThrownBy(() -> submit(alice, "com.contoso/ledger")).isInstanceOf(IllegalStateException.class);

            auditTrail.failing = false;
            assertThat(service.list(admin, all(100)).items()).isEmpty();
            assertThat(allEvents()).isEmpty();
            Registration again = submit(alice, "com.contoso/ledger");
            assertThat(service.get(alice, again.id()).status()).isEqualTo(PENDING);
        }

        @Test
        void a_review_whose_audit_event_fails_leaves_the_registration_as_it_was() {
            Registration r = submit(alice, "com.contoso/ledger");
            auditTrail.failing = true;

            assertThatThrownBy(() -> changeStatus(admin, r.id(), APPROVED, null))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> delete(alice, r.id())).isInstanceOf(IllegalStateException.class);

            auditTrail.failing = false;
            assertThat(service.get(admin, r.id())).isEqualTo(r);
            assertThat(allEvents()).hasSize(1);
            assertThat(db.auditTrail().verify().intact()).isTrue();
        }
    }

    /** A retried submission with the same idempotency key replays; another request under it is refused. */
    @Nested
    class IdempotentSubmission {

        private Registration submitWithKey(String key, String fingerprint, String name) {
            return service.submit(new SubmitRegistration(
                    alice,
                    new ServerName(name),
                    Version.DEFAULT,
                    details("T", "D", "https://" + name.replace('/', '.') + ".contoso.com/mcp"),
                    Optional.of(new IdempotencyKey(key, fingerprint)),
                    Optional.empty()));
        }

        @Test
        void a_retried_submission_with_the_same_idempotency_key_replays_the_first_registration() {
            Registration first = submitWithKey("key-1", "body-a", "com.contoso/retried");
            Registration again = submitWithKey("key-1", "body-a", "com.contoso/retried");

            assertThat(again.id()).isEqualTo(first.id());
            assertThat(db.auditTrail().history(first.id())).hasSize(1);
        }

        @Test
        void a_retry_after_the_registration_was_deleted_is_a_conflict_that_says_so_and_submits_nothing() {
            Registration first = submitWithKey("key-3", "body-a", "com.contoso/deleted");
            delete(alice, first.id());
            int events = allEvents().size();

            assertThatThrownBy(() -> submitWithKey("key-3", "body-a", "com.contoso/deleted"))
                    .isInstanceOf(Conflict.class)
                    .hasMessage("the submission with this idempotency key created registration " + first.id()
                            + ", which has been deleted since; it is not submitted again");
            assertThat(allEvents()).hasSize(events);
        }

        @Test
        void an_idempotency_key_reused_for_another_request_is_unprocessable_and_stores_nothing() {
            submitWithKey("key-2", "body-a", "com.contoso/first");

            assertThatThrownBy(() -> submitWithKey("key-2", "body-b", "com.contoso/second"))
                    .isInstanceOf(IdempotencyKeyReused.class);
            assertThat(service.list(
                                    admin,
                                    new RegistrationFilter(Optional.empty(), Optional.empty(), PageRequest.first(10)))
                            .items())
                    .extracting(r -> r.serverName().value())
                    .containsExactly("com.contoso/first");
        }
    }
}
