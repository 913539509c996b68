package com.mcpregistry.checks.service;

import com.mcpregistry.checks.CheckOutcome;
import com.mcpregistry.checks.DueCheck;
import com.mcpregistry.checks.port.out.CheckRepository;
import com.mcpregistry.checks.port.out.RemoteProbe;
import com.mcpregistry.domain.checks.CheckSchedule;
import com.mcpregistry.domain.checks.Health;
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
 * Runs checks: leases a batch of due ones for this instance (or takes one asked for now), probes each remote outside
 * any transaction (a check may take its whole time cap), records what it found with the remote's health and when to
 * check it again — one interval later, or later still after failures in a row ({@link CheckSchedule}) — and has the
 * {@link DriftWatch} judge it. The latest
 * {@value CheckRepository#KEPT_CHECKS} checks of each remote are kept.
 */
public final class CheckRunner {
    private final CheckRepository checks;
    private final RemoteProbe probe;
    private final CheckSchedule schedule;
    private final DriftWatch driftWatch;
    private final Clock clock;
    private final DoubleSupplier jitter;

    /** {@code jitter} gives a number from -1 to 1 for each scheduled check. */
    public CheckRunner(
            CheckRepository checks,
            RemoteProbe probe,
            CheckSchedule schedule,
            DriftWatch driftWatch,
            Clock clock,
            DoubleSupplier jitter) {
        this.checks = Objects.requireNonNull(checks, "checks");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.driftWatch = Objects.requireNonNull(driftWatch, "driftWatch");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /** Leases up to {@code limit} due checks to {@code instance} for {@code leaseFor}. */
    public List<DueCheck> lease(String instance, int limit, Duration leaseFor) {
        return checks.lease(instance, limit, now(), leaseFor);
    }

    /** Leases up to {@code limit} due checks to {@code instance} for {@code leaseFor}, runs and records them. */
    public List<RemoteCheck> runDue(String instance, int limit, Duration leaseFor) {
        return lease(instance, limit, leaseFor).stream().map(this::run).toList();
    }

    /** Probes the remote of {@code due}, records what it found and judges it for drift. */
    public RemoteCheck run(DueCheck due) {
        ProbeReport report =
                probe.probe(URI.create(due.remoteUrl()), due.remote().transport());
        Instant checkedAt = now();
        int failuresInARow = report.outcome().answered() ? 0 : due.failuresInARow() + 1;
        RemoteCheck check = new RemoteCheck(due.registrationId(), due.remoteUrl(), checkedAt, report);
        checks.record(
                check,
                new CheckOutcome(
                        due.leasedBy(),
                        failuresInARow,
                        Health.after(due.health(), report.outcome(), failuresInARow),
                        schedule.next(checkedAt, failuresInARow, jitter.getAsDouble())),
                CheckRepository.KEPT_CHECKS);
        driftWatch.judge(check);
        return check;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
