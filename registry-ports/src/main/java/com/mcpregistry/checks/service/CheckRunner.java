package com.mcpregistry.checks.service;

import com.mcpregistry.checks.DueCheck;
import com.mcpregistry.checks.port.out.CheckRepository;
import com.mcpregistry.checks.port.out.RemoteProbe;
import com.mcpregistry.domain.checks.CheckSchedule;
import com.mcpregistry.domain.checks.ProbeReport;
import com.mcpregistry.domain.checks.RemoteCheck;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Runs the checks that are due: leases a batch for this instance, probes each remote (outside any transaction: a
 * check may take its whole time cap), and records what it found, with when to check again — one interval later, or
 * later still after failures in a row ({@link CheckSchedule}). The latest {@value #KEPT_CHECKS} checks of each remote
 * are kept.
 */
public final class CheckRunner {
    public static final int KEPT_CHECKS = 100;

    private final CheckRepository checks;
    private final RemoteProbe probe;
    private final CheckSchedule schedule;
    private final Clock clock;
    private final DoubleSupplier jitter;

    /** {@code jitter} gives a number from -1 to 1 for each scheduled check. */
    public CheckRunner(
            CheckRepository checks, RemoteProbe probe, CheckSchedule schedule, Clock clock, DoubleSupplier jitter) {
        this.checks = Objects.requireNonNull(checks, "checks");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /** Leases up to {@code limit} due checks to {@code instance} for {@code leaseFor}, runs and records them. */
    public List<RemoteCheck> runDue(String instance, int limit, Duration leaseFor) {
        return checks.lease(instance, limit, now(), leaseFor).stream()
                .map(this::run)
                .toList();
    }

    /** Probes the remote of {@code due} and records what it found. */
    public RemoteCheck run(DueCheck due) {
        ProbeReport report = probe.probe(URI.create(due.remoteUrl()), due.transport());
        Instant checkedAt = now();
        int failuresInARow = report.outcome().answered() ? 0 : due.failuresInARow() + 1;
        RemoteCheck check = new RemoteCheck(due.registrationId(), due.remoteUrl(), checkedAt, report);
        checks.record(
                check, failuresInARow, schedule.next(checkedAt, failuresInARow, jitter.getAsDouble()), KEPT_CHECKS);
        return check;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
