package com.mcpregistry.http.docs;

import static com.mcpregistry.domain.testing.AuditEventTestData.anAuditEvent;
import static com.mcpregistry.domain.testing.ServerDetailsTestData.someDetails;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.mcpbPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.npmPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.nugetPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.ociPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.pypiPackage;
import static com.mcpregistry.domain.testing.ServerDocumentTestData.remoteWithHeadersAndVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.audit.service.AuditService;
import com.mcpregistry.checks.RemoteTools;
import com.mcpregistry.checks.service.RemoteChecksService;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.audit.FieldChange;
import com.mcpregistry.domain.checks.Health;
import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.RemoteStatus;
import com.mcpregistry.domain.checks.ServerInfo;
import com.mcpregistry.domain.checks.Tool;
import com.mcpregistry.domain.checks.ToolChanges;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.domain.error.FieldError;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.domain.ownership.NamespacePrefix;
import com.mcpregistry.domain.registration.DetailsPatch;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.registration.ServerDetails;
import com.mcpregistry.domain.registration.Tags;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.serverjson.ServerDocument;
import com.mcpregistry.domain.serverjson.Title;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.testing.ServerDetailsTestData;
import com.mcpregistry.domain.testing.ServerDocumentTestData;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.EntraIdentity;
import com.mcpregistry.domain.user.GroupId;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.http.api.StartedApi;
import com.mcpregistry.http.audit.AuditEventJson;
import com.mcpregistry.http.checks.RemoteChecksJson;
import com.mcpregistry.http.checks.RemoteToolsJson;
import com.mcpregistry.http.identity.UserJson;
import com.mcpregistry.http.ownership.ClaimOutcomeJson;
import com.mcpregistry.http.ownership.NamespacesJson;
import com.mcpregistry.http.ownership.ServerOwnersJson;
import com.mcpregistry.http.publication.ServerListJson;
import com.mcpregistry.http.registration.RegistrationJson;
import com.mcpregistry.http.shared.Json;
import com.mcpregistry.http.shared.PageJson;
import com.mcpregistry.http.shared.ProblemDetails;
import com.mcpregistry.identity.SignedIn;
import com.mcpregistry.identity.VerifiedToken;
import com.mcpregistry.identity.service.UserService;
import com.mcpregistry.inmemory.InMemoryDatabase;
import com.mcpregistry.ownership.By;
import com.mcpregistry.ownership.ClaimOutcome;
import com.mcpregistry.ownership.OwnerReference;
import com.mcpregistry.ownership.service.OwnershipService;
import com.mcpregistry.ownership.service.ServerOwnership;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.registration.port.in.EditRegistrationUseCase.EditRegistration;
import com.mcpregistry.registration.port.in.FindRegistrationsUseCase.RegistrationFilter;
import com.mcpregistry.registration.port.in.ReviewRegistrationUseCase.ChangeStatus;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.SubmitRegistration;
import com.mcpregistry.registration.service.RegistrationService;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the API writes — its JSON records filled by the real services, and its real answers — matches the OpenAPI
 * document; and {@link OpenApiSchemas} reports what does not.
 */
class OpenApiSchemasTest {
    private static final OpenApiSchemas SCHEMAS = OpenApiSchemas.fromClasspath();

    private final Clock clock = Clock.systemUTC();
    private final InMemoryDatabase db = new InMemoryDatabase();
    private final ServerOwnership serverOwnership = new ServerOwnership(
            db.serverOwnerRepository(), db.namespaceClaimRepository(), db.userRepository(), NamespacePolicy.OPEN);
    private final OwnershipService ownership = new OwnershipService(
            db.serverOwnerRepository(),
            db.namespaceClaimRepository(),
            db.userRepository(),
            serverOwnership,
            db.auditTrail(),
            db,
            clock);
    private final RegistrationService registrations = new RegistrationService(
            db.registrationRepository(),
            db.publishedServers(),
            db.auditTrail(),
            db.idempotencyKeys(),
            db,
            clock,
            serverOwnership);
    private final RemoteChecksService checks =
            new RemoteChecksService(db.checkRepository(), Optional.empty(), registrations);
    private final UserService users = new UserService(db.userRepository(), db.auditTrail(), db, clock);
    private final AuditService audit = new AuditService(db.auditTrail(), Clock.systemUTC());

    private final Actor admin = new Actor(UserId.random(), true);

    @Test
    void a_registration_with_only_required_fields_is_a_registration() {
        Actor submitter = signIn("ada@contoso.com").actor();
        Registration registration = registrations.submit(submission(submitter, "com.contoso/minimal", false));

        SCHEMAS.assertConforms("Registration", Json.write(asSeenBy(submitter, registration)));
    }

    @Test
    void a_registration_of_packages_and_remotes_without_contact_is_a_registration_and_a_submitted_server_response() {
        Actor submitter = signIn("ada@contoso.com").actor();
        ServerDocument document = ServerDocumentTestData.document(
                List.of(npmPackage(), pypiPackage(), nugetPackage(), ociPackage(), mcpbPackage()),
                List.of(remoteWithHeadersAndVariables()));
        Registration registration = registrations.submit(new SubmitRegistration(
                submitter,
                document.name(),
                document.version(),
                new ServerDetails(document.definition(), Optional.empty(), Tags.NONE),
                Optional.empty(),
                Optional.empty()));

        String json = Json.write(asSeenBy(submitter, registration));

        assertThat(json).contains("\"server\":{", "\"packages\":[").doesNotContain("endpoint_url", "owner_contact");
        SCHEMAS.assertConforms("Registration", json);
        String published = Json.write(ServerListJson.ServerResponseJson.submitted(
                registration, checks.health(List.of(registration)).get(registration.id())));
        assertThat(published).contains("\"status\":\"pending\"").doesNotContain(ServerListJson.OFFICIAL_META);
        SCHEMAS.assertConforms("ServerResponse", published);
    }

    @Test
    void a_reviewed_registration_with_every_field_is_a_registration() {
        Actor submitter = signIn("ada@contoso.com").actor();
        Registration submitted = registrations.submit(submission(submitter, "com.contoso.finance/ledger-tools", true));
        Registration rejected = registrations.changeStatus(new ChangeStatus(
                admin,
                submitted.id(),
                RegistrationStatus.REJECTED,
                Optional.of(new Reason("not reachable from the corporate network")),
                Optional.empty(),
                Optional.of("req-2")));

        String json = Json.write(asSeenBy(admin, rejected));

        assertThat(json).contains("status_reason", "reviewed_by", "reviewed_at", "repository_url");
        SCHEMAS.assertConforms("Registration", json);
    }

    @Test
    void a_page_of_registrations_with_and_without_a_next_cursor_is_a_registration_page() {
        Actor submitter = signIn("ada@contoso.com").actor();
        registrations.submit(submission(submitter, "com.contoso/one", true));
        registrations.submit(submission(submitter, "com.contoso/two", false));

        var first = registrations.list(
                admin, new RegistrationFilter(Optional.empty(), Optional.empty(), PageRequest.first(1)));
        var all = registrations.list(
                admin, new RegistrationFilter(Optional.empty(), Optional.empty(), PageRequest.first(10)));

        String firstJson = Json.write(PageJson.of(first, r -> asSeenBy(admin, r)));
        assertThat(firstJson).doesNotContain("\"next_cursor\":null");
        SCHEMAS.assertConforms("RegistrationPage", firstJson);
        String allJson = Json.write(PageJson.of(all, r -> asSeenBy(admin, r)));
        assertThat(allJson).contains("\"next_cursor\":null");
        SCHEMAS.assertConforms("RegistrationPage", allJson);
    }

    @Test
    void a_check_of_every_outcome_is_a_remote_check_and_a_drifted_and_an_unchecked_remote_are_registration_tools() {
        RegistrationId id = RegistrationId.random();
        Instant at = Instant.parse("2025-03-02T10:30:00.123456Z");
        Tool read = new Tool(
                "read_account",
                Optional.of("Read an account"),
                Optional.of("Reads an account"),
                "{\"type\":\"object\"}",
                Optional.of("{\"type\":\"object\"}"),
                Optional.of("{\"readOnlyHint\":true}"));
        Tool unreadable = new Tool(
                "unreadable", Optional.empty(), Optional.empty(), "not json", Optional.empty(), Optional.empty());
        List<RemoteCheck> checks = new ArrayList<>();
        for (ProbeOutcome outcome : ProbeOutcome.values()) {
            ProbeReport report = switch (outcome) {
                case REACHABLE ->
                    new ProbeReport(
                            outcome,
                            Duration.ofNanos(1_234_567),
                            Optional.of("2025-06-18"),
                            Optional.of(new ServerInfo("ledger-server", "1.4.0")),
                            Optional.of("{\"tools\":{}}"),
                            new ToolSet(List.of(read, unreadable)),
                            1,
                            2,
                            List.of(),
                            Optional.empty());
                case REQUIRES_AUTH ->
                    new ProbeReport(
                            outcome,
                            Duration.ofMillis(5),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            ToolSet.NONE,
                            0,
                            0,
                            List.of("https://login.microsoftonline.com/tenant/v2.0"),
                            Optional.of("401 with protected-resource metadata"));
                default -> ProbeReport.failed(outcome, Duration.ofSeconds(20), "failed: " + outcome.wireName());
            };
            checks.add(new RemoteCheck(id, "https://mcp.contoso.com/" + outcome.wireName(), at, report));
        }

        String checksJson = Json.write(RemoteChecksJson.of(checks));

        assertThat(checksJson)
                .contains("\"latency_ms\":1.235", "\"latency_ms\":20000", "\"input_schema\":\"not json\"");
        SCHEMAS.assertConforms("RemoteChecks", checksJson);
        ToolSet approved = new ToolSet(List.of(new Tool(
                "read_account",
                Optional.of("Read an account"),
                Optional.of("Reads an account, nothing else"),
                read.inputSchema(),
                read.outputSchema(),
                read.annotations())));
        RemoteTools drifted = new RemoteTools(
                new RemoteStatus(
                        checks.get(0).remoteUrl(),
                        Health.HEALTHY,
                        Optional.of(at),
                        Optional.of(Duration.ofMillis(3)),
                        true),
                Optional.of(checks.get(0)),
                Optional.of(approved),
                ToolChanges.between(approved, checks.get(0).report().tools()));
        RemoteTools unchecked = new RemoteTools(
                RemoteStatus.unchecked("https://mcp.contoso.com/other"),
                Optional.empty(),
                Optional.empty(),
                ToolChanges.between(ToolSet.NONE, ToolSet.NONE));
        String toolsJson = Json.write(RemoteToolsJson.of(List.of(drifted, unchecked)));
        assertThat(toolsJson)
                .contains("\"changes\":{\"added\":[\"unreadable\"],\"removed\":[],\"changed\":"
                        + "[{\"name\":\"read_account\",\"fields\":[\"description\"]}]}");
        SCHEMAS.assertConforms("RegistrationTools", toolsJson);
    }

    @Test
    void a_user_with_and_without_an_email_is_a_user() {
        SCHEMAS.assertConforms(
                "User", Json.write(UserJson.of(signIn("ada@contoso.com").user())));
        SCHEMAS.assertConforms("User", Json.write(UserJson.of(signIn(null).user())));
    }

    @Test
    void the_audit_trail_and_a_registrations_history_are_audit_event_pages() {
        Actor submitter = signIn("ada@contoso.com").actor();
        Registration submitted = registrations.submit(submission(submitter, "com.contoso/audited", false));
        registrations.edit(new EditRegistration(
                submitter,
                submitted.id(),
                new DetailsPatch(
                        Optional.empty(),
                        Optional.of(new Title("Audited tools")),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(Optional.empty()),
                        Optional.empty(),
                        Optional.empty()),
                Optional.empty(),
                Optional.empty()));
        registrations.changeStatus(new ChangeStatus(
                admin,
                submitted.id(),
                RegistrationStatus.APPROVED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));

        var trail = audit.query(
                admin,
                new AuditQuery(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), PageRequest.first(50)));
        var history = registrations.history(admin, submitted.id());

        assertThat(trail.items()).hasSize(3);
        assertThat(history.get(1).event().changes()).isNotEmpty();
        assertThat(history.get(1).actor()).isPresent();
        SCHEMAS.assertConforms("AuditEventPage", Json.write(PageJson.of(trail, AuditEventJson::of)));
        SCHEMAS.assertConforms(
                "AuditEventPage",
                Json.write(
                        new PageJson<>(history.stream().map(AuditEventJson::of).toList(), null)));
    }

    @Test
    void an_event_with_a_secret_field_change_and_no_known_actor_is_an_audit_event() {
        AuditEvent event = anAuditEvent()
                .at(java.time.Instant.parse("2025-03-01T09:00:00Z"))
                .by(com.mcpregistry.domain.user.UserId.random())
                .withAction(AuditAction.EDIT)
                .about(com.mcpregistry.domain.shared.RegistrationId.random())
                .from(RegistrationStatus.PENDING)
                .to(RegistrationStatus.PENDING)
                .withChanges(List.of(
                        FieldChange.secret("api_key"), FieldChange.of("title", Optional.empty(), Optional.of("T"))))
                .build();

        SCHEMAS.assertConforms("AuditEvent", Json.write(AuditEventJson.of(new AuditEntry(event, Optional.empty()))));
    }

    @Test
    void a_claim_an_operator_made_from_the_command_line_names_no_claimer_and_reports_its_conflicts() {
        Actor submitter = signIn("ada@contoso.com").actor();
        registrations.submit(submission(submitter, "com.contoso.finance/ledger", false));
        GroupId finance = GroupId.parse("group", "6f1c2b9e-3f3a-4c43-9b7e-2d1c6a1e5f00");

        ClaimOutcome claimed = ownership.claim(
                By.operator(),
                new NamespacePrefix("com.contoso.finance"),
                List.of(OwnerReference.group(finance)),
                Optional.empty());

        String claimJson = Json.write(ClaimOutcomeJson.of(claimed));
        assertThat(claimJson).contains("\"claimed_by\":null").contains("\"conflict_count\":1");
        SCHEMAS.assertConforms("NamespaceClaimed", claimJson);
        String listJson = Json.write(NamespacesJson.of(ownership.policy(), ownership.claims()));
        assertThat(listJson).contains("\"claimed_by\":null");
        SCHEMAS.assertConforms("Namespaces", listJson);
        SCHEMAS.assertConforms(
                "ServerOwners",
                Json.write(ServerOwnersJson.of(ownership.owners(new ServerName("com.contoso.finance/ledger")))));
    }

    @Test
    void a_validation_problem_is_a_problem() {
        var problem = new ProblemDetails.Problem(
                "about:blank#400",
                "Bad Request",
                400,
                "the request has invalid fields",
                "/registrations",
                List.of(new FieldError("server_name", "is required")));

        SCHEMAS.assertConforms("Problem", Json.write(problem));
    }

    @Test
    void real_answers_of_public_routes_and_refused_credentials_match_their_operations() {
        try (StartedApi api = StartedApi.start()) {
            SCHEMAS.assertResponse(api.get("/health"));
            SCHEMAS.assertResponse(api.get("/health/live"));
            SCHEMAS.assertResponse(api.get("/health/ready"));

            HttpResponse<String> anonymous = api.get("/registrations/my");
            assertThat(anonymous.statusCode()).isEqualTo(401);
            SCHEMAS.assertResponse(anonymous);

            HttpResponse<String> refused =
                    api.send(HttpRequest.newBuilder(api.uri("/registrations/3fa85f64-5717-4562-b3fc-2c963f66afa6"))
                            .header("Authorization", "Bearer not-a-token")
                            .build());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(SCHEMAS.operationFor("GET", "/registrations/3fa85f64-5717-4562-b3fc-2c963f66afa6"))
                    .hasValueSatisfying(op -> assertThat(op.operationId()).isEqualTo("getRegistration"));
            SCHEMAS.assertResponse(refused);
        }
    }

    @Test
    void a_literal_path_wins_over_a_path_parameter() {
        assertThat(SCHEMAS.operationFor("GET", "/registrations/my"))
                .hasValueSatisfying(op -> assertThat(op.operationId()).isEqualTo("listMyRegistrations"));
        assertThat(SCHEMAS.operationFor("PATCH", "/registrations/3fa85f64-5717-4562-b3fc-2c963f66afa6/status"))
                .hasValueSatisfying(op -> assertThat(op.operationId()).isEqualTo("changeRegistrationStatus"));
        assertThat(SCHEMAS.operationFor("GET", "/docs/"))
                .hasValueSatisfying(op -> assertThat(op.operationId()).isEqualTo("getSwaggerUi"));
        assertThat(SCHEMAS.operationFor("PUT", "/registrations")).isEmpty();
    }

    @Test
    void a_registration_missing_a_field_or_carrying_an_extra_one_is_reported() {
        Actor submitter = signIn("ada@contoso.com").actor();
        String valid =
                Json.write(asSeenBy(submitter, registrations.submit(submission(submitter, "com.contoso/x", true))));

        assertThat(SCHEMAS.problems("Registration", valid.replace("\"status\":\"Pending\",", "")))
                .anySatisfy(problem -> assertThat(problem).contains("status"));
        assertThat(SCHEMAS.problems("Registration", valid.replace("\"status\":\"Pending\"", "\"status\":\"Live\"")))
                .anySatisfy(problem -> assertThat(problem).contains("status"));
        assertThat(SCHEMAS.problems("Registration", valid.replace("{", "{\"secret\":1,")))
                .anySatisfy(problem -> assertThat(problem).contains("secret"));
        assertThat(SCHEMAS.problems("Registration", valid.replace("\"row_version\":1", "\"row_version\":\"1\"")))
                .anySatisfy(problem -> assertThat(problem).contains("row_version"));
        assertThatThrownBy(() -> SCHEMAS.assertConforms("Registration", "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("registration_id");
    }

    @Test
    void an_answer_the_operation_does_not_document_is_reported() {
        String problem = "{\"type\":\"about:blank#404\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"no route\",\"instance\":\"/health\"}";

        assertThat(SCHEMAS.responseProblems("getHealth", 404, "application/problem+json", problem))
                .singleElement()
                .satisfies(p -> assertThat(p).contains("documents no 404"));
        assertThat(SCHEMAS.responseProblems("getRegistration", 404, "text/html", "<html></html>"))
                .singleElement()
                .satisfies(p -> assertThat(p).contains("application/problem+json"));
        assertThat(SCHEMAS.responseProblems("getRegistration", 409, "application/problem+json", problem))
                .isNotEmpty();
        assertThat(SCHEMAS.responseProblems("getRegistration", 404, "application/problem+json", problem))
                .isEmpty();
        assertThat(SCHEMAS.responseProblems(
                        "getRegistration", 404, "application/problem+json", problem.replace("404,", "410,")))
                .anySatisfy(p -> assertThat(p).contains("not the HTTP status 404"));
        assertThat(SCHEMAS.responseProblems("deleteRegistration", 204, null, "{}"))
                .singleElement()
                .satisfies(p -> assertThat(p).contains("without a body"));
    }

    @Test
    void an_unknown_schema_or_operation_is_a_mistake_in_the_test() {
        assertThatThrownBy(() -> SCHEMAS.problems("RegistrationJson", "{}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SCHEMAS.responseProblems("deleteServerVersion", 200, "application/json", "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code registration} as {@code reader} reads it, with what they may do with it. */
    private RegistrationJson asSeenBy(Actor reader, Registration registration) {
        return RegistrationJson.of(
                registration,
                registrations.actionsOpenTo(reader, List.of(registration)).get(registration.id()),
                checks.health(List.of(registration)).get(registration.id()));
    }

    private SubmitRegistration submission(Actor submitter, String name, boolean everyField) {
        ServerDetailsTestData.Builder builder = someDetails()
                .withDescription("Look up ledger accounts and post journal entries.")
                .withEndpointUrl("https://mcp.contoso.com/" + name.replace('/', '-'))
                .withOwnerContact("finance-platform@contoso.com");
        if (everyField) {
            builder.withTransport(RemoteTransport.SSE)
                    .withRepositoryUrl("https://github.com/contoso/ledger-tools")
                    .withDocumentationUrl("https://docs.contoso.com/ledger")
                    .withTags("finance", "ledger");
        }
        ServerDetails details = builder.build();
        return new SubmitRegistration(
                submitter,
                new ServerName(name),
                everyField ? new Version("2.0.0-rc.1+build.5") : Version.DEFAULT,
                details,
                Optional.empty(),
                Optional.of("req-1"));
    }

    private SignedIn signIn(String email) {
        return users.signIn(new VerifiedToken(
                new EntraIdentity(
                        "72f988bf-86f1-41af-91ab-2d7cd011db47", UserId.random().toString()),
                "Ada Lovelace",
                Optional.ofNullable(email),
                Optional.empty(),
                Set.of(),
                Set.of(),
                false,
                Set.of("Registry.ReadWrite"),
                false,
                Instant.now().plusSeconds(3600)));
    }
}
