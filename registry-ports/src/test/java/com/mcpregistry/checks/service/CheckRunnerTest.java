package com.mcpregistry.checks.service;

import static com.mcpregistry.contract.CheckRepositoryContract.reachable;
import static com.mcpregistry.contract.CheckRepositoryContract.tool;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.checks.CheckSchedule;
import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.RemoteCheck;
import com.mcpregistry.domain.checks.ToolSet;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import com.mcpregistry.domain.testing.TestClock;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.inmemory.InMemoryDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runner over the in-memory check repository, with a probe that answers what each test scripts (the probe
 * itself, against real MCP servers, is registry-adapter-mcp's).
 */
class CheckRunnerTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final TestClock clock = new TestClock(T0);
    private final InMemoryDatabase db = new InMemoryDatabase();
    private final Deque<ProbeReport> answers = new ArrayDeque<>();
    private final CheckRunner runner = new CheckRunner(
            db.checkRepository(),
            (url, transport) -> answers.removeFirst(),
            new CheckSchedule(INTERVAL),
            clock,
            () -> 0);

    private Registration registered(String url) {
        User submitter = db.userRepository().save(Fixtures.user());
        Registration r = Fixtures.pending(submitter.id(), Fixtures.namespace() + "/ledger", "1.0.0", url, T0);
        db.registrationRepository().insert(r);
        db.checkRepository().schedule(r.id(), url, RemoteTransport.STREAMABLE_HTTP, T0);
        return r;
    }

    @Test
    void a_due_check_is_probed_recorded_and_due_again_one_interval_later() {
        Registration r = registered("https://ledger.example.com/mcp");
        answers.add(reachable(new ToolSet(List.of(tool("book", "Books an entry")))));

        List<RemoteCheck> ran = runner.runDue("instance-a", 10, LEASE);

        assertThat(ran).singleElement().satisfies(check -> {
            assertThat(check.registrationId()).isEqualTo(r.id());
            assertThat(check.report().outcome()).isEqualTo(ProbeOutcome.REACHABLE);
        });
        assertThat(db.checkRepository().recent(r.id(), 10)).containsExactlyElementsOf(ran);
        assertThat(runner.runDue("instance-a", 10, LEASE)).isEmpty();
        clock.advance(INTERVAL);
        answers.add(reachable(ToolSet.NONE));
        assertThat(runner.runDue("instance-b", 10, LEASE)).hasSize(1);
    }

    @Test
    void failures_in_a_row_push_the_next_check_back() {
        Registration r = registered("https://down.example.com/mcp");
        for (int failure = 1; failure <= 3; failure++) {
            answers.add(ProbeReport.failed(ProbeOutcome.TIMEOUT, Duration.ofSeconds(20), "no answer"));
            assertThat(runner.runDue("instance-a", 10, LEASE))
                    .as("failure %d", failure)
                    .hasSize(1);
            Duration wait = INTERVAL.multipliedBy(1L << failure);
            clock.advance(wait.minusSeconds(1));
            assertThat(runner.runDue("instance-a", 10, LEASE))
                    .as("before %s", wait)
                    .isEmpty();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(db.checkRepository().recent(r.id(), 10))
                .extracting(check -> check.report().outcome())
                .containsOnly(ProbeOutcome.TIMEOUT)
                .hasSize(3);
        answers.add(reachable(ToolSet.NONE));
        runner.runDue("instance-a", 10, LEASE);
        clock.advance(INTERVAL);
        answers.add(reachable(ToolSet.NONE));
        assertThat(runner.runDue("instance-a", 10, LEASE))
                .as("one answer ends the backoff")
                .hasSize(1);
    }
}
