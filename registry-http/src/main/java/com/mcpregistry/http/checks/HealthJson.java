package com.mcpregistry.http.checks;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.mcpregistry.domain.checks.RegistrationHealth;
import com.mcpregistry.domain.checks.RemoteStatus;
import com.mcpregistry.http.shared.Milliseconds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a registration's remotes are, as the seed API writes it beside the registration: the most worrying remote's
 * health, the latest check of any remote and how long it took, whether any remote's tools drifted from what the
 * approval saw, and each remote's own status. Times and latencies are absent before a first check.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HealthJson(
        String status,
        Optional<Instant> checkedAt,
        Optional<BigDecimal> latencyMs,
        boolean drift,
        List<RemoteHealthJson> remotes) {

    /** One remote's status. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RemoteHealthJson(
            String url, String status, Optional<Instant> checkedAt, Optional<BigDecimal> latencyMs, boolean drift) {

        static RemoteHealthJson of(RemoteStatus remote) {
            return new RemoteHealthJson(
                    remote.remoteUrl(),
                    remote.health().wireName(),
                    remote.checkedAt(),
                    remote.latency().map(Milliseconds::of),
                    remote.drifted());
        }
    }

    public static HealthJson of(RegistrationHealth health) {
        return new HealthJson(
                health.health().wireName(),
                health.checkedAt(),
                health.latency().map(Milliseconds::of),
                health.drifted(),
                health.remotes().stream().map(RemoteHealthJson::of).toList());
    }
}
