package com.mcpregistry.domain.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckScheduleTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private final CheckSchedule every15Minutes = new CheckSchedule(Duration.ofMinutes(15));

    @Test
    void a_check_that_found_a_server_is_repeated_one_interval_later_within_a_tenth() {
        assertThat(every15Minutes.next(T0, 0, 0)).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(every15Minutes.next(T0, 0, 1)).isEqualTo(T0.plus(Duration.ofSeconds(15 * 60 + 90)));
        assertThat(every15Minutes.next(T0, 0, -1)).isEqualTo(T0.plus(Duration.ofSeconds(15 * 60 - 90)));
    }

    @Test
    void failures_double_the_wait_up_to_six_hours() {
        assertThat(every15Minutes.next(T0, 1, 0)).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(every15Minutes.next(T0, 3, 0)).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(every15Minutes.next(T0, 5, 0)).isEqualTo(T0.plus(Duration.ofHours(6)));
        assertThat(every15Minutes.next(T0, 1_000, 0)).isEqualTo(T0.plus(Duration.ofHours(6)));
    }

    @Test
    void the_interval_is_positive_and_the_jitter_within_one() {
        assertThatThrownBy(() -> new CheckSchedule(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> every15Minutes.next(T0, 0, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
