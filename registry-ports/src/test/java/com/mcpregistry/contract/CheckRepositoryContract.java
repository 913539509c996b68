package com.mcpregistry.contract;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.checks.DueCheck;
import com.mcpregistry.checks.port.out.CheckRepository;
import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.ServerInfo;
import com.mcpregistry.domain.checks.Tool;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CheckRepository} guarantees. Leasing takes any due check of the store, so each test needs a store
 * of checks of its own: subclasses give, for each test, an empty one, with the registrations and users it refers to
 * in the same store.
 */
public abstract class CheckRepositoryContract {

    protected abstract CheckRepository checks();

    /** Where the checked registrations are kept: a check refers to a stored registration. */
    protected abstract RegistrationRepository registrations();

    protected abstract UserRepository users();

    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int KEEP = 100;

    private RegistrationId registration;
    private String namespace;

    @BeforeEach
    void givenARegistrationOfThisTest() {
        namespace = Fixtures.namespace();
        registration = aRegistration("server");
    }

    private RegistrationId aRegistration(String local) {
        User submitter = users().save(Fixtures.user());
        Registration stored = Fixtures.pending(submitter.id(), namespace + "/" + local, "1.0.0", remote(local), T0);
        registrations().insert(stored);
        return stored.id();
    }

    private String remote(String path) {
        return "https://" + namespace + ".example.com/" + path;
    }

    /** A tool whose fields are all given, schemas in canonical form. */
    public static Tool tool(String name, String description) {
        return new Tool(
                name,
                Optional.of(name.toUpperCase(java.util.Locale.ROOT)),
                Optional.of(description),
                "{\"properties\":{\"id\":{\"type\":\"string\"}},\"required\":[\"id\"],\"type\":\"object\"}",
                Optional.of("{\"properties\":{\"ok\":{\"type\":\"boolean\"}},\"type\":\"object\"}"),
                Optional.of("{\"readOnlyHint\":true}"));
    }

    /** A check that found a server answering with {@code tools}, with every field given. */
    public static ProbeReport reachable(ToolSet tools) {
        return new ProbeReport(
                ProbeOutcome.REACHABLE,
                Duration.ofMillis(87),
                Optional.of("2025-06-18"),
                Optional.of(new ServerInfo("ledger-server", "2.1.0")),
                Optional.of("{\"prompts\":{},\"tools\":{\"listChanged\":true}}"),
                tools,
                2,
                5,
                List.of(),
                Optional.empty());
    }

    private static ProbeReport failed() {
        return ProbeReport.failed(ProbeOutcome.UNREACHABLE, Duration.ofSeconds(5), "connection refused");
    }

    private void record(String remoteUrl, Instant at, ProbeReport report) {
        checks().record(new RemoteCheck(registration, remoteUrl, at, report), 0, at.plus(Duration.ofMinutes(15)), KEEP);
    }

    @Test
    void a_scheduled_check_is_leased_once_due_and_not_before() {
        checks().schedule(registration, remote("mcp"), RemoteTransport.SSE, T0);

        assertThat(checks().lease("a", 10, T0.minusMillis(1), LEASE)).isEmpty();
        assertThat(checks().lease("a", 10, T0, LEASE))
                .containsExactly(new DueCheck(registration, remote("mcp"), RemoteTransport.SSE, 0, T0.plus(LEASE)));
    }

    @Test
    void a_leased_check_is_not_leased_again_until_its_lease_expires_then_it_is_to_another_instance() {
        checks().schedule(registration, remote("mcp"), RemoteTransport.STREAMABLE_HTTP, T0);
        assertThat(checks().lease("a", 10, T0, LEASE)).hasSize(1);

        assertThat(checks().lease("a", 10, T0.plusSeconds(1), LEASE)).isEmpty();
        assertThat(checks().lease("b", 10, T0.plus(LEASE).minusMillis(1), LEASE))
                .isEmpty();

        Instant expired = T0.plus(LEASE);
        assertThat(checks().lease("b", 10, expired, LEASE))
                .extracting(DueCheck::remoteUrl, DueCheck::leasedUntil)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(remote("mcp"), expired.plus(LEASE)));
    }

    @Test
    void a_lease_takes_the_oldest_due_checks_first_up_to_its_limit() {
        for (int i = 0; i < 5; i++) {
            checks().schedule(registration, remote("r" + i), RemoteTransport.STREAMABLE_HTTP, T0.minusSeconds(i));
        }

        assertThat(checks().lease("a", 3, T0, LEASE))
                .extracting(DueCheck::remoteUrl)
                .containsExactly(remote("r4"), remote("r3"), remote("r2"));
        assertThat(checks().lease("b", 3, T0, LEASE))
                .extracting(DueCheck::remoteUrl)
                .containsExactly(remote("r1"), remote("r0"));
    }

    @Test
    void scheduling_a_scheduled_check_again_keeps_the_earlier_due_time() {
        checks().schedule(registration, remote("mcp"), RemoteTransport.STREAMABLE_HTTP, T0.plusSeconds(60));
        checks().schedule(registration, remote("mcp"), RemoteTransport.STREAMABLE_HTTP, T0.plusSeconds(600));
        assertThat(checks().lease("a", 10, T0.plusSeconds(59), LEASE)).isEmpty();
        assertThat(checks().lease("a", 10, T0.plusSeconds(60), LEASE)).hasSize(1);

        checks().schedule(registration, remote("other"), RemoteTransport.SSE, T0.plusSeconds(600));
        checks().schedule(registration, remote("other"), RemoteTransport.SSE, T0.plusSeconds(30));
        assertThat(checks().lease("a", 10, T0.plusSeconds(30), LEASE))
                .extracting(DueCheck::remoteUrl)
                .containsExactly(remote("other"));
    }

    @Test
    void a_recorded_check_ends_its_lease_and_is_due_again_at_its_next_time_with_its_failures_in_a_row() {
        checks().schedule(registration, remote("mcp"), RemoteTransport.STREAMABLE_HTTP, T0);
        DueCheck due = checks().lease("a", 10, T0, LEASE).get(0);
        Instant next = T0.plus(Duration.ofMinutes(30));

        checks().record(new RemoteCheck(registration, due.remoteUrl(), T0.plusSeconds(3), failed()), 1, next, KEEP);

        assertThat(checks().lease("b", 10, next.minusMillis(1), LEASE)).isEmpty();
        assertThat(checks().lease("b", 10, next, LEASE))
                .containsExactly(new DueCheck(
                        registration, remote("mcp"), RemoteTransport.STREAMABLE_HTTP, 1, next.plus(LEASE)));
    }

    @Test
    void a_recorded_check_comes_back_with_every_field_and_its_tools() {
        ToolSet tools = new ToolSet(List.of(tool("read", "Reads an entry"), tool("book", "Books an entry")));
        RemoteCheck found = new RemoteCheck(registration, remote("mcp"), T0, reachable(tools));
        RemoteCheck asksForCredentials = new RemoteCheck(
                registration,
                remote("mcp"),
                T0.plusSeconds(60),
                new ProbeReport(
                        ProbeOutcome.REQUIRES_AUTH,
                        Duration.ofMillis(12),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        ToolSet.NONE,
                        0,
                        0,
                        List.of("https://login.example.com/tenant/v2.0", "https://auth.example.org"),
                        Optional.of("401 with WWW-Authenticate")));
        RemoteCheck refused = new RemoteCheck(registration, remote("mcp"), T0.plusSeconds(120), failed());

        checks().record(found, 0, T0.plusSeconds(900), KEEP);
        checks().record(asksForCredentials, 0, T0.plusSeconds(960), KEEP);
        checks().record(refused, 1, T0.plusSeconds(1020), KEEP);

        List<RemoteCheck> recent = checks().recent(registration, 10);
        assertThat(recent).containsExactly(refused, asksForCredentials, found);
        assertThat(recent.get(2).report().tools().sha256()).isEqualTo(tools.sha256());
    }

    @Test
    void recent_checks_are_those_of_the_registration_newest_first_at_most_the_limit() {
        RegistrationId other = aRegistration("other");
        for (int i = 0; i < 5; i++) {
            record(remote(i % 2 == 0 ? "a" : "b"), T0.plusSeconds(i), failed());
        }
        checks().record(new RemoteCheck(other, remote("a"), T0.plusSeconds(10), failed()), 1, T0, KEEP);

        assertThat(checks().recent(registration, 3))
                .extracting(RemoteCheck::checkedAt)
                .containsExactly(T0.plusSeconds(4), T0.plusSeconds(3), T0.plusSeconds(2));
        assertThat(checks().recent(other, 10))
                .extracting(RemoteCheck::registrationId)
                .containsExactly(other);
    }

    @Test
    void recording_keeps_only_the_latest_checks_of_the_remote_and_those_of_other_remotes() {
        for (int i = 0; i < 3; i++) {
            record(remote("other"), T0.plusSeconds(i), failed());
        }
        for (int i = 0; i < 6; i++) {
            checks().record(new RemoteCheck(registration, remote("mcp"), T0.plusSeconds(100 + i), failed()), i, T0, 4);
        }

        List<Instant> mcp = checks().recent(registration, 100).stream()
                .filter(check -> check.remoteUrl().equals(remote("mcp")))
                .map(RemoteCheck::checkedAt)
                .toList();
        assertThat(mcp)
                .containsExactlyElementsOf(IntStream.of(105, 104, 103, 102)
                        .mapToObj(T0::plusSeconds)
                        .toList());
        assertThat(checks().recent(registration, 100))
                .filteredOn(check -> check.remoteUrl().equals(remote("other")))
                .hasSize(3);
    }

    @Test
    void recording_a_check_that_is_not_scheduled_keeps_it_and_schedules_nothing() {
        record(remote("mcp"), T0, failed());

        assertThat(checks().recent(registration, 10)).hasSize(1);
        assertThat(checks().lease("a", 10, T0.plus(Duration.ofDays(1)), LEASE)).isEmpty();
    }

    @Test
    void an_unscheduled_registration_is_leased_no_more_but_its_checks_are_kept() {
        checks().schedule(registration, remote("a"), RemoteTransport.STREAMABLE_HTTP, T0);
        checks().schedule(registration, remote("b"), RemoteTransport.SSE, T0);
        RegistrationId other = aRegistration("other");
        checks().schedule(other, remote("a"), RemoteTransport.STREAMABLE_HTTP, T0);
        record(remote("a"), T0, failed());

        checks().unschedule(registration);

        assertThat(checks().lease("a", 10, T0.plus(Duration.ofDays(1)), LEASE))
                .extracting(DueCheck::registrationId)
                .containsExactly(other);
        assertThat(checks().recent(registration, 10)).hasSize(1);
    }

    @Test
    void an_approval_snapshot_is_kept_per_remote_and_replaced_by_the_next_approval() {
        ToolSet approved = new ToolSet(List.of(tool("book", "Books an entry"), tool("read", "Reads an entry")));
        assertThat(checks().approvalSnapshot(registration, remote("mcp"))).isEmpty();

        checks().keepApprovalSnapshot(registration, remote("mcp"), approved);
        checks().keepApprovalSnapshot(registration, remote("none"), ToolSet.NONE);

        assertThat(checks().approvalSnapshot(registration, remote("mcp"))).contains(approved);
        assertThat(checks().approvalSnapshot(registration, remote("mcp"))
                        .orElseThrow()
                        .sha256())
                .isEqualTo(approved.sha256());
        assertThat(checks().approvalSnapshot(registration, remote("none"))).contains(ToolSet.NONE);
        assertThat(checks().approvalSnapshot(registration, remote("other"))).isEmpty();

        ToolSet reapproved = new ToolSet(List.of(tool("book", "Books an entry and mails it")));
        checks().keepApprovalSnapshot(registration, remote("mcp"), reapproved);
        assertThat(checks().approvalSnapshot(registration, remote("mcp"))).contains(reapproved);
    }

    @Test
    void checks_of_a_registration_that_does_not_exist_are_refused() {
        RegistrationId unknown = RegistrationId.random();

        assertThatThrownBy(() -> checks().schedule(unknown, remote("mcp"), RemoteTransport.SSE, T0))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> checks().record(new RemoteCheck(unknown, remote("mcp"), T0, failed()), 1, T0, KEEP))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> checks().keepApprovalSnapshot(unknown, remote("mcp"), ToolSet.NONE))
                .isInstanceOf(Conflict.class);
    }
}
