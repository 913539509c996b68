package com.mcpregistry.limits.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.error.Unavailable;
import com.mcpregistry.domain.testing.TestClock;
import com.mcpregistry.inmemory.InMemoryRateLimitBuckets;
import com.mcpregistry.limits.Admission;
import com.mcpregistry.limits.LimitSettings;
import com.mcpregistry.limits.Quota;
import com.mcpregistry.limits.RateLimit;
import com.mcpregistry.limits.RateLimitPolicy;
import com.mcpregistry.limits.port.out.LimitEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitServiceTest {
    private static final RateLimitPolicy THREE_A_MINUTE = RateLimitPolicy.parse(RateLimit.WRITES, "3/min");

    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final List<RateLimit> refusals = new ArrayList<>();
    private final LimitEvents events = new LimitEvents() {
        @Override
        public void refused(RateLimit limit) {
            refusals.add(limit);
        }

        @Override
        public void quotaReached(Quota quota) {}
    };
    private final RateLimitService service = new RateLimitService(
            new LimitSettings(Map.of(RateLimit.WRITES, THREE_A_MINUTE), Map.of()),
            new InMemoryRateLimitBuckets(clock),
            events);

    @Test
    void a_caller_gets_the_quota_of_a_window_then_is_refused_until_the_window_ends() {
        List<Admission> admissions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            admissions.add(service.admit(RateLimit.WRITES, "alice").orElseThrow());
            clock.advance(Duration.ofSeconds(10));
        }

        assertThat(admissions).extracting(Admission::admitted).containsExactly(true, true, true, false);
        assertThat(admissions).extracting(Admission::remaining).containsExactly(2L, 1L, 0L, 0L);
        assertThat(admissions.get(3).resetSeconds()).isEqualTo(30);
        assertThat(refusals).containsExactly(RateLimit.WRITES);

        clock.advance(Duration.ofSeconds(20));
        Admission next = service.admit(RateLimit.WRITES, "alice").orElseThrow();
        assertThat(next.admitted()).isTrue();
        assertThat(next.remaining()).isEqualTo(2);
    }

    @Test
    void each_caller_has_a_bucket_of_their_own() {
        for (int i = 0; i < 3; i++) {
            service.admit(RateLimit.WRITES, "alice");
        }

        assertThat(service.admit(RateLimit.WRITES, "alice").orElseThrow().admitted())
                .isFalse();
        assertThat(service.admit(RateLimit.WRITES, "bob").orElseThrow().admitted())
                .isTrue();
    }

    @Test
    void a_limit_that_is_off_admits_everything_and_counts_nothing() {
        assertThat(service.admit(RateLimit.ANONYMOUS_READS, "192.0.2.1")).isEmpty();
        RateLimitService off =
                new RateLimitService(LimitSettings.off(), new InMemoryRateLimitBuckets(clock), LimitEvents.NONE);
        assertThat(off.admit(RateLimit.WRITES, "alice")).isEmpty();
    }

    @Test
    void an_unreachable_store_admits_the_request() {
        RateLimitService unreachable = new RateLimitService(
                LimitSettings.defaults(),
                (key, policy) -> {
                    throw new Unavailable("the database is unavailable");
                },
                events);

        assertThat(unreachable.admit(RateLimit.WRITES, "alice")).isEqualTo(Optional.empty());
        assertThat(refusals).isEmpty();
    }

    @Test
    void policies_read_as_requests_per_window() {
        assertThat(RateLimitPolicy.parse(RateLimit.WRITES, "120/min").window()).isEqualTo(Duration.ofMinutes(1));
        assertThat(RateLimitPolicy.parse(RateLimit.WRITES, "5/s").quota()).isEqualTo(5);
        assertThat(RateLimitPolicy.parse(RateLimit.WRITES, "100/10s").window()).isEqualTo(Duration.ofSeconds(10));
        assertThat(RateLimitPolicy.parse(RateLimit.WRITES, "1000/h").windowSeconds())
                .isEqualTo(3600);
        assertThat(RateLimitPolicy.parse(RateLimit.WRITES, " 7 / 2d ").windowSeconds())
                .isEqualTo(172_800);
    }
}
