package com.mcpregistry.domain.checks;

import static com.mcpregistry.domain.checks.ProbeOutcome.BLOCKED_ADDRESS;
import static com.mcpregistry.domain.checks.ProbeOutcome.REACHABLE;
import static com.mcpregistry.domain.checks.ProbeOutcome.REQUIRES_AUTH;
import static com.mcpregistry.domain.checks.ProbeOutcome.TIMEOUT;
import static com.mcpregistry.domain.checks.ProbeOutcome.UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HealthTest {

    /** The health after each of {@code oldestFirst}, counting failures in a row as the check runner does. */
    private static Health after(List<ProbeOutcome> oldestFirst) {
        Health health = Health.UNKNOWN;
        int failures = 0;
        for (ProbeOutcome outcome : oldestFirst) {
            failures = outcome.answered() ? 0 : failures + 1;
            health = Health.after(health, outcome, failures);
        }
        return health;
    }

    @Test
    void an_answer_says_what_the_server_is_and_a_refused_address_says_so_at_once() {
        assertThat(after(List.of())).isEqualTo(Health.UNKNOWN);
        assertThat(after(List.of(REACHABLE))).isEqualTo(Health.HEALTHY);
        assertThat(after(List.of(REACHABLE, REQUIRES_AUTH))).isEqualTo(Health.REQUIRES_AUTH);
        assertThat(after(List.of(REACHABLE, BLOCKED_ADDRESS))).isEqualTo(Health.BLOCKED_ADDRESS);
    }

    @Test
    void a_remote_is_unreachable_after_three_failed_checks_in_a_row_and_not_before() {
        assertThat(after(List.of(REACHABLE, UNREACHABLE, TIMEOUT))).isEqualTo(Health.HEALTHY);
        assertThat(after(List.of(REACHABLE, TIMEOUT, UNREACHABLE, TIMEOUT))).isEqualTo(Health.UNREACHABLE);
        assertThat(after(List.of(UNREACHABLE, TIMEOUT))).isEqualTo(Health.UNKNOWN);
        assertThat(after(List.of(TIMEOUT, UNREACHABLE, TIMEOUT))).isEqualTo(Health.UNREACHABLE);
        assertThat(after(List.of(TIMEOUT, TIMEOUT, TIMEOUT, REACHABLE))).isEqualTo(Health.HEALTHY);
        assertThat(after(List.of(REQUIRES_AUTH, TIMEOUT))).isEqualTo(Health.REQUIRES_AUTH);
        assertThat(after(List.of(BLOCKED_ADDRESS, TIMEOUT))).isEqualTo(Health.UNKNOWN);
    }

    @Test
    void the_most_worrying_remote_says_how_a_registration_is() {
        assertThat(Health.HEALTHY.concern()).isLessThan(Health.REQUIRES_AUTH.concern());
        assertThat(Health.UNKNOWN.concern()).isLessThan(Health.UNREACHABLE.concern());
        assertThat(Health.UNREACHABLE.concern()).isLessThan(Health.BLOCKED_ADDRESS.concern());
        assertThat(Health.parse("health", "requires_auth")).isEqualTo(Health.REQUIRES_AUTH);
    }
}
