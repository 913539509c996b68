package com.mcpregistry.contract;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.checks.CheckOutcome;
import com.mcpregistry.checks.DueCheck;
import com.mcpregistry.checks.port.out.CheckRepository;
import com.mcpregistry.domain.checks.CheckedRemote;
import com.mcpregistry.domain.checks.Health;
import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.RemoteStatus;
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
import java.util.Map;
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

    private static CheckedRemote http(String url) {
        return new CheckedRemote(url, RemoteTransport.STREAMABLE_HTTP);
    }

    /** What a check not run under a lease leaves: {@code failures} in a row, due again at {@code next} if periodic. */
    private static CheckOutcome unleased(int failures, Health health, Instant next) {
        return new CheckOutcome(Optional.empty(), failures, health, next);
    }

    private void record(String remoteUrl, Instant at, ProbeReport report) {
        checks().record(
                        new RemoteCheck(registration, remoteUrl, at, report),
                        unleased(0, Health.HEALTHY, at.plus(Duration.ofMinutes(15))),
                        KEEP);
    }

    private static DueCheck leased(
            RegistrationId registration, CheckedRemote remote, int failures, Health health, String by, Instant until) {
        return new DueCheck(registration, remote, failures, health, Optional.of(by), Optional.of(until));
    }

    @Test
    void a_scheduled_check_is_leased_once_due_and_not_before() {
        CheckedRemote sse = new CheckedRemote(remote("mcp"), RemoteTransport.SSE);
        checks().schedule(registration, sse, T0, true);

        assertThat(checks().lease("a", 10, T0.minusMillis(1), LEASE)).isEmpty();
        assertThat(checks().lease("a", 10, T0, LEASE))
                .containsExactly(leased(registration, sse, 0, Health.UNKNOWN, "a", T0.plus(LEASE)));
    }

    @Test
    void a_leased_check_is_not_leased_again_until_its_lease_expires_then_it_is_to_another_instance() {
        checks().schedule(registration, http(remote("mcp")), T0, true);
        assertThat(checks().lease("a", 10, T0, LEASE)).hasSize(1);

        assertThat(checks().lease("a", 10, T0.plusSeconds(1), LEASE)).isEmpty();
        assertThat(checks().lease("b", 10, T0.plus(LEASE).minusMillis(1), LEASE))
                .isEmpty();

        Instant expired = T0.plus(LEASE);
        assertThat(checks().lease("b", 10, expired, LEASE))
                .extracting(DueCheck::remoteUrl, DueCheck::leasedBy, DueCheck::leasedUntil)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        remote("mcp"), Optional.of("b"), Optional.of(expired.plus(LEASE))));
    }

    @Test
    void a_lease_takes_the_oldest_due_checks_first_up_to_its_limit() {
        for (int i = 0; i < 5; i++) {
            checks().schedule(registration, http(remote("r" + i)), T0.minusSeconds(i), true);
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
        checks().schedule(registration, http(remote("mcp")), T0.plusSeconds(60), true);
        checks().schedule(registration, http(remote("mcp")), T0.plusSeconds(600), true);
        assertThat(checks().lease("a", 10, T0.plusSeconds(59), LEASE)).isEmpty();
        assertThat(checks().lease("a", 10, T0.plusSeconds(60), LEASE)).hasSize(1);

        CheckedRemote other = new CheckedRemote(remote("other"), RemoteTransport.SSE);
        checks().schedule(registration, other, T0.plusSeconds(600), true);
        checks().schedule(registration, other, T0.plusSeconds(30), true);
        assertThat(checks().lease("a", 10, T0.plusSeconds(30), LEASE))
                .extracting(DueCheck::remoteUrl)
                .containsExactly(remote("other"));
    }

    @Test
    void a_recorded_check_ends_its_lease_and_is_due_again_at_its_next_time_with_its_failures_in_a_row() {
        checks().schedule(registration, http(remote("mcp")), T0, true);
        DueCheck due = checks().lease("a", 10, T0, LEASE).get(0);
        Instant next = T0.plus(Duration.ofMinutes(30));

        checks().record(
                        new RemoteCheck(registration, due.remoteUrl(), T0.plusSeconds(3), failed()),
                        new CheckOutcome(Optional.of("a"), 1, Health.UNKNOWN, next),
                        KEEP);

        assertThat(checks().lease("b", 10, next.minusMillis(1), LEASE)).isEmpty();
        assertThat(checks().lease("b", 10, next, LEASE))
                .containsExactly(leased(registration, http(remote("mcp")), 1, Health.UNKNOWN, "b", next.plus(LEASE)));
    }

    @Test
    void a_check_that_is_not_periodic_is_due_once_and_not_again_after_it_is_recorded() {
        checks().schedule(registration, http(remote("mcp")), T0, false);
        DueCheck due = checks().lease("a", 10, T0, LEASE).get(0);

        checks().record(
                        new RemoteCheck(registration, due.remoteUrl(), T0.plusSeconds(1), reachable(ToolSet.NONE)),
                        new CheckOutcome(Optional.of("a"), 0, Health.HEALTHY, T0.plusSeconds(900)),
                        KEEP);

        assertThat(checks().lease("b", 10, T0.plus(Duration.ofDays(1)), LEASE)).isEmpty();
        assertThat(checks().scheduled(registration))
                .containsExactly(new DueCheck(
                        registration, http(remote("mcp")), 0, Health.HEALTHY, Optional.empty(), Optional.empty()));
    }

    @Test
    void a_registration_made_periodic_is_due_at_once_if_it_was_not_due_and_keeps_its_time_if_it_was() {
        checks().schedule(registration, http(remote("done")), T0, false);
        checks().record(
                        new RemoteCheck(registration, remote("done"), T0, reachable(ToolSet.NONE)),
                        unleased(0, Health.HEALTHY, T0.plusSeconds(900)),
                        KEEP);
        checks().schedule(registration, http(remote("waiting")), T0.plusSeconds(60), false);

        checks().setPeriodic(registration, true, T0.plusSeconds(10));

        assertThat(checks().lease("a", 10, T0.plusSeconds(10), LEASE))
                .extracting(DueCheck::remoteUrl)
                .containsExactly(remote("done"));
        assertThat(checks().lease("a", 10, T0.plusSeconds(60), LEASE))
                .extracting(DueCheck::remoteUrl)
                .containsExactly(remote("waiting"));
    }

    @Test
    void a_check_recorded_under_a_lease_another_instance_has_taken_since_is_kept_but_leaves_the_schedule_alone() {
        checks().schedule(registration, http(remote("mcp")), T0, true);
        checks().lease("a", 10, T0, LEASE);
        Instant expired = T0.plus(LEASE);
        checks().lease("b", 10, expired, LEASE);

        checks().record(
                        new RemoteCheck(registration, remote("mcp"), expired.plusSeconds(1), failed()),
                        new CheckOutcome(Optional.of("a"), 1, Health.UNKNOWN, T0.plusSeconds(1)),
                        KEEP);

        assertThat(checks().recent(registration, 10)).hasSize(1);
        assertThat(checks().scheduled(registration))
                .containsExactly(
                        leased(registration, http(remote("mcp")), 0, Health.UNKNOWN, "b", expired.plus(LEASE)));
    }

    @Test
    void a_check_asked_for_updates_the_schedule_without_ending_a_lease() {
        checks().schedule(registration, http(remote("mcp")), T0, true);
        checks().lease("a", 10, T0, LEASE);

        checks().record(
                        new RemoteCheck(registration, remote("mcp"), T0.plusSeconds(1), reachable(ToolSet.NONE)),
                        unleased(0, Health.HEALTHY, T0.plusSeconds(900)),
                        KEEP);

        assertThat(checks().scheduled(registration))
                .containsExactly(leased(registration, http(remote("mcp")), 0, Health.HEALTHY, "a", T0.plus(LEASE)));
    }

    @Test
    void the_status_of_each_remote_says_its_health_its_last_check_and_whether_it_drifted() {
        RegistrationId other = aRegistration("other");
        RegistrationId unchecked = aRegistration("unchecked");
        checks().schedule(registration, http(remote("a")), T0, true);
        checks().schedule(registration, http(remote("b")), T0, true);
        checks().schedule(other, http(remote("c")), T0, true);
        checks().record(
                        new RemoteCheck(registration, remote("a"), T0.plusSeconds(5), reachable(ToolSet.NONE)),
                        unleased(0, Health.HEALTHY, T0.plusSeconds(900)),
                        KEEP);
        checks().keepApprovalSnapshot(registration, remote("a"), ToolSet.NONE);
        checks().markDrift(registration, remote("a"), "a".repeat(64), T0.plusSeconds(6));

        Map<RegistrationId, List<RemoteStatus>> statuses = checks().statuses(List.of(registration, unchecked));

        assertThat(statuses).containsOnlyKeys(registration);
        assertThat(statuses.get(registration))
                .containsExactlyInAnyOrder(
                        new RemoteStatus(
                                remote("a"),
                                Health.HEALTHY,
                                Optional.of(T0.plusSeconds(5)),
                                Optional.of(Duration.ofMillis(87)),
                                true),
                        RemoteStatus.unchecked(remote("b")));
    }

    @Test
    void a_drift_is_marked_once_per_tool_set_and_cleared_by_the_next_approval_snapshot() {
        checks().schedule(registration, http(remote("mcp")), T0, true);
        String drifted = "b".repeat(64);
        assertThat(checks().markDrift(registration, remote("mcp"), drifted, T0)).isFalse();

        checks().keepApprovalSnapshot(registration, remote("mcp"), ToolSet.NONE);
        assertThat(checks().markDrift(registration, remote("mcp"), drifted, T0)).isTrue();
        assertThat(checks().markDrift(registration, remote("mcp"), drifted, T0.plusSeconds(1)))
                .isFalse();
        assertThat(checks().markDrift(registration, remote("mcp"), "c".repeat(64), T0.plusSeconds(2)))
                .isTrue();

        checks().keepApprovalSnapshot(registration, remote("mcp"), ToolSet.NONE);
        assertThat(checks().statuses(List.of(registration)).get(registration))
                .extracting(RemoteStatus::drifted)
                .containsExactly(false);
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

        checks().record(found, unleased(0, Health.HEALTHY, T0.plusSeconds(900)), KEEP);
        checks().record(asksForCredentials, unleased(0, Health.REQUIRES_AUTH, T0.plusSeconds(960)), KEEP);
        checks().record(refused, unleased(1, Health.REQUIRES_AUTH, T0.plusSeconds(1020)), KEEP);

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
        checks().record(
                        new RemoteCheck(other, remote("a"), T0.plusSeconds(10), failed()),
                        unleased(1, Health.UNKNOWN, T0),
                        KEEP);

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
            checks().record(
                            new RemoteCheck(registration, remote("mcp"), T0.plusSeconds(100 + i), failed()),
                            unleased(i, Health.UNKNOWN, T0),
                            4);
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
        checks().schedule(registration, http(remote("a")), T0, true);
        checks().schedule(registration, new CheckedRemote(remote("b"), RemoteTransport.SSE), T0, true);
        RegistrationId other = aRegistration("other");
        checks().schedule(other, http(remote("a")), T0, true);
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

        assertThatThrownBy(() -> checks().schedule(unknown, http(remote("mcp")), T0, true))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> checks().record(
                                new RemoteCheck(unknown, remote("mcp"), T0, failed()),
                                unleased(1, Health.UNKNOWN, T0),
                                KEEP))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> checks().keepApprovalSnapshot(unknown, remote("mcp"), ToolSet.NONE))
                .isInstanceOf(Conflict.class);
    }
}
