package com.mcpregistry.app;

import static net.logstash.logback.argument.StructuredArguments.keyValue;

import com.mcpregistry.audit.port.in.VerifyAuditUseCase;
import com.mcpregistry.domain.audit.AuditCheckpoint;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's audit checkpoints: at start-up and then every interval, the audit trail's head signed with the
 * audit key is logged, so that it is kept wherever the logs go, outside the database; {@code admin audit verify
 * --checkpoint} reads it back. The count is also exported as {@code registry_audit_events}. Without an audit key
 * only the count is exported.
 */
final class AuditCheckpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final VerifyAuditUseCase audit;
    private final Metrics metrics;
    private final ScheduledExecutorService scheduler;

    private AuditCheckpoints(VerifyAuditUseCase audit, Metrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "audit-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Checkpoints every {@code interval}, the first now; none when the interval is zero. */
    static Optional<AuditCheckpoints> start(VerifyAuditUseCase audit, Metrics metrics, Duration interval) {
        if (interval.isZero()) {
            return Optional.empty();
        }
        AuditCheckpoints checkpoints = new AuditCheckpoints(audit, metrics);
        checkpoints.scheduler.scheduleAtFixedRate(checkpoints::takeOne, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(checkpoints);
    }

    private void takeOne() {
        // An exception would cancel every later run: a database outage must only cost this one.
        try {
            Optional<AuditCheckpoint> checkpoint = audit.checkpoint();
            metrics.auditEvents(checkpoint
                    .map(AuditCheckpoint::events)
                    .orElseGet(() -> audit.head().events()));
            checkpoint.ifPresent(signed -> LOG.info("{}", keyValue("audit_checkpoint", signed.statement())));
        } catch (RuntimeException e) {
            LOG.warn("no audit checkpoint this time: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("an audit checkpoint was still being taken at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
