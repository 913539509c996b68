package com.mcpregistry.app;

import com.mcpregistry.checks.port.out.RemoteProbe;
import com.mcpregistry.domain.checks.ProbeOutcome;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.serverjson.RemoteTransport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The checks of remote servers in {@code /metrics}: {@code registry_checks_total} by outcome and the histogram
 * {@code registry_check_duration_seconds} by outcome, counted around the probe whoever runs it (a worker or a request).
 * The only label is the outcome, from the closed set {@link ProbeOutcome}: never a URL or a server's name.
 */
final class CheckMetrics implements RemoteProbe {
    /** The histogram's buckets: a local server answers within milliseconds, a check gives up at 20 s. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(20)
    };

    private final RemoteProbe probe;
    private final Map<ProbeOutcome, Counter> checks = new EnumMap<>(ProbeOutcome.class);
    private final Map<ProbeOutcome, Timer> durations = new EnumMap<>(ProbeOutcome.class);

    CheckMetrics(RemoteProbe probe, MeterRegistry registry) {
        this.probe = probe;
        for (ProbeOutcome outcome : ProbeOutcome.values()) {
            checks.put(
                    outcome,
                    Counter.builder("registry.checks")
                            .description("Checks of registered remote servers, by what they found")
                            .tag("outcome", outcome.wireName())
                            .register(registry));
            durations.put(
                    outcome,
                    Timer.builder("registry.check.duration")
                            .description("How long a check of a remote server took, by what it found")
                            .tag("outcome", outcome.wireName())
                            .serviceLevelObjectives(BUCKETS)
                            .register(registry));
        }
    }

    @Override
    public ProbeReport probe(URI url, RemoteTransport transport) {
        ProbeReport report = probe.probe(url, transport);
        checks.get(report.outcome()).increment();
        durations.get(report.outcome()).record(report.latency());
        return report;
    }
}
