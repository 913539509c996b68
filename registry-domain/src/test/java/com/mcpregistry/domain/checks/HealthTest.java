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

    @Test
    void a_remote_is_unknown_until_checked_and_healthy_or_requiring_auth_as_its_last_answer_says() {
        assertThat(Health.of(List.of())).isEqualTo(Health.UNKNOWN);
        assertThat(Health.of(List.of(REACHABLE))).isEqualTo(Health.HEALTHY);
        assertThat(Health.of(List.of(REQUIRES_AUTH, REACHABLE))).isEqualTo(Health.REQUIRES_AUTH);
        assertThat(Health.of(List.of(BLOCKED_ADDRESS, REACHABLE))).isEqualTo(Health.BLOCKED_ADDRESS);
    }

    @Test
    void it_is_unreachable_after_three_failed_checks_in_a_row_and_not_before() {
        assertThat(Health.of(List.of(TIMEOUT, UNREACHABLE, REACHABLE))).isEqualTo(Health.HEALTHY);
        assertThat(Health.of(List.of(TIMEOUT, UNREACHABLE, TIMEOUT, REACHABLE))).isEqualTo(Health.UNREACHABLE);
        assertThat(Health.of(List.of(TIMEOUT, UNREACHABLE))).isEqualTo(Health.UNKNOWN);
        assertThat(Health.of(List.of(TIMEOUT, UNREACHABLE, TIMEOUT))).isEqualTo(Health.UNREACHABLE);
        assertThat(Health.of(List.of(REACHABLE, TIMEOUT, TIMEOUT, TIMEOUT))).isEqualTo(Health.HEALTHY);
    }
}
