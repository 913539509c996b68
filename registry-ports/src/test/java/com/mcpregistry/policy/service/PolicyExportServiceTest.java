package com.mcpregistry.policy.service;

import static com.mcpregistry.contract.CheckRepositoryContract.reachable;
import static com.mcpregistry.contract.CheckRepositoryContract.tool;
import static com.mcpregistry.domain.testing.ServerDetailsTestData.someDetails;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.core.RegistryCore;
import com.mcpregistry.domain.checks.CheckSchedule;
import com.mcpregistry.domain.checks.DriftAction;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.domain.ownership.NamespacePolicy;
import com.mcpregistry.domain.policy.PolicyFormat;
import com.mcpregistry.domain.policy.ServerMatcher;
import com.mcpregistry.domain.registration.Reason;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.PublishRules;
import com.mcpregistry.domain.serverjson.UrlPattern;
import com.mcpregistry.domain.serverjson.Version;
import com.mcpregistry.domain.shared.RegistrationStatus;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.testing.TestClock;
import com.mcpregistry.domain.testing.UserTestData;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.inmemory.InMemoryDatabase;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.policy.PolicyExport;
import com.mcpregistry.registration.port.in.DeleteRegistrationUseCase.DeleteRegistration;
import com.mcpregistry.registration.port.in.ReviewRegistrationUseCase.ChangeStatus;
import com.mcpregistry.registration.port.in.SubmitRegistrationUseCase.SubmitRegistration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The export through the core's use cases over the in-memory adapters: what the workflow, deletions and drift make
 * of a version in the lists, and which state an export names.
 */
class PolicyExportServiceTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final ToolSet APPROVED_TOOLS = new ToolSet(List.of(tool("book", "Books an entry")));
    private static final ToolSet DRIFTED_TOOLS = new ToolSet(List.of(tool("wipe", "Wipes the ledger")));

    private final TestClock clock = new TestClock(T0);
    private final InMemoryDatabase db = new InMemoryDatabase();
    private final AtomicReference<ProbeReport> answer = new AtomicReference<>(reachable(APPROVED_TOOLS));
    private final RegistryCore core = RegistryCore.create(
            db.coreAdapters(),
            token -> {
                throw new UnsupportedOperationException();
            },
            x -> x,
            clock,
            RegistryCore.Limits.off(),
            NamespacePolicy.OPEN,
            PublishRules.STRICT,
            new RegistryCore.Checks(
                    Optional.of((url, transport) -> answer.get()),
                    new CheckSchedule(Duration.ofMinutes(15)),
                    DriftAction.FLAG));

    private final Actor ann =
            db.userRepository().save(UserTestData.aUser().build()).actor(false);
    private final Actor admin =
            db.userRepository().save(UserTestData.aUser().build()).actor(true);

    private Registration submitted(String name, String url) {
        clock.advance(Duration.ofSeconds(1));
        return core.submitRegistration()
                .submit(new SubmitRegistration(
                        ann,
                        new ServerName(name),
                        new Version("1.0.0"),
                        someDetails().withEndpointUrl(url).build(),
                        Optional.empty(),
                        Optional.empty()));
    }

    private Registration reviewed(Registration r, RegistrationStatus target) {
        clock.advance(Duration.ofSeconds(1));
        Optional<Reason> reason =
                target == RegistrationStatus.APPROVED ? Optional.empty() : Optional.of(new Reason("not for us"));
        return core.reviewRegistration()
                .changeStatus(new ChangeStatus(
                        admin,
                        r.id(),
                        target,
                        reason,
                        Optional.of(core.findRegistrations().get(admin, r.id()).rowVersion()),
                        Optional.empty(),
                        true));
    }

    private void deleted(Registration r) {
        clock.advance(Duration.ofSeconds(1));
        core.deleteRegistration().delete(new DeleteRegistration(admin, r.id(), Optional.empty(), Optional.empty()));
    }

    private static ServerMatcher url(String pattern) {
        return new ServerMatcher.Url(new UrlPattern(pattern));
    }

    private PolicyExport export() {
        return core.exportPolicy().export(PolicyFormat.COPILOT);
    }

    @Test
    void approved_and_deprecated_versions_are_allowed_rejected_and_deleted_ones_denied_pending_ones_in_neither() {
        reviewed(submitted("com.contoso/approved", "https://approved.contoso.com/mcp"), RegistrationStatus.APPROVED);
        reviewed(
                reviewed(submitted("com.contoso/old", "https://old.contoso.com/mcp"), RegistrationStatus.APPROVED),
                RegistrationStatus.DEPRECATED);
        reviewed(submitted("com.contoso/rejected", "https://rejected.contoso.com/mcp"), RegistrationStatus.REJECTED);
        deleted(reviewed(
                submitted("com.contoso/withdrawn", "https://withdrawn.contoso.com/mcp"), RegistrationStatus.APPROVED));
        submitted("com.contoso/pending", "https://pending.contoso.com/mcp");

        PolicyExport export = export();

        assertThat(export.policy().allowed())
                .containsExactly(url("https://approved.contoso.com/mcp"), url("https://old.contoso.com/mcp"));
        assertThat(export.policy().denied())
                .containsExactly(
                        new ServerMatcher.Name("com.contoso/rejected"),
                        new ServerMatcher.Name("com.contoso/withdrawn"),
                        url("https://rejected.contoso.com/mcp"),
                        url("https://withdrawn.contoso.com/mcp"));
    }

    @Test
    void a_version_whose_tools_drifted_since_its_approval_is_denied() {
        Registration ledger = submitted("com.contoso/ledger", "https://ledger.contoso.com/mcp");
        core.checkRunner().orElseThrow().runDue("instance-a", 10, Duration.ofMinutes(1));
        reviewed(ledger, RegistrationStatus.APPROVED);
        assertThat(export().policy().allowed()).containsExactly(url("https://ledger.contoso.com/mcp"));

        answer.set(reachable(DRIFTED_TOOLS));
        core.remoteChecks().checkNow(admin, ledger.id());

        assertThat(export().policy().allowed()).isEmpty();
        assertThat(export().policy().denied())
                .containsExactly(new ServerMatcher.Name("com.contoso/ledger"), url("https://ledger.contoso.com/mcp"));
    }

    @Test
    void an_export_names_the_newest_audit_event_and_the_same_state_exports_the_same_lists() {
        assertThat(export().state()).as("a registry without events").isEmpty();

        reviewed(submitted("com.contoso/approved", "https://approved.contoso.com/mcp"), RegistrationStatus.APPROVED);
        AuditEntry newest = db.auditTrail()
                .find(new AuditQuery(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), PageRequest.first(1)))
                .items()
                .get(0);

        assertThat(export().state())
                .contains(new PolicyExport.State(
                        newest.event().id(), newest.event().at()));
        assertThat(export()).isEqualTo(export());
    }
}
