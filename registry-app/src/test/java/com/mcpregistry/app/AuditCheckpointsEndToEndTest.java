package com.mcpregistry.app;

import static com.mcpregistry.app.Submissions.submitNew;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mcpregistry.audit.AuditHead;
import com.mcpregistry.domain.audit.AuditCheckpoint;
import com.mcpregistry.postgres.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The audit trail's head anchored outside the database: the registry logs a signed checkpoint every
 * AUDIT_CHECKPOINT_INTERVAL and exports the event count as {@code registry_audit_events}; {@code admin audit
 * checkpoint} prints one; {@code admin audit verify --checkpoint} takes either back, or a log holding them.
 */
class AuditCheckpointsEndToEndTest {
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard().checkpointingEvery(Duration.ofMillis(200));

    private static final Pattern EVENTS_METRIC = Pattern.compile("(?m)^registry_audit_events ([0-9.E]+)$");

    @TempDir
    Path workingDirectory;

    private final Logger checkpointLogger = (Logger) LoggerFactory.getLogger(AuditCheckpoints.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureCheckpoints() {
        log.start();
        checkpointLogger.setLevel(Level.INFO);
        checkpointLogger.addAppender(log);
    }

    @AfterEach
    void releaseCheckpoints() {
        checkpointLogger.detachAppender(log);
        checkpointLogger.setLevel(null);
        log.stop();
    }

    /** The lines logged so far (the appender is written from the checkpoint thread). */
    private List<String> logged() {
        synchronized (log) {
            return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** The first checkpoint logged that counts {@code events}, waiting for the next ones up to 20 s. */
    private AuditCheckpoint awaitCheckpointOf(long events) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(giveUp)) {
            for (String line : logged()) {
                for (AuditCheckpoint checkpoint : AuditCheckpoint.findIn(line)) {
                    if (checkpoint.events() == events) {
                        return checkpoint;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no checkpoint of " + events + " events was logged; logged: " + logged());
    }

    private static Map<String, String> commandLineSettings() {
        return Map.of("DATABASE_URL", registry.database().jdbcUrl(), "AUDIT_KEY", TestDatabase.AUDIT_KEY.written());
    }

    @Test
    void the_registry_logs_a_signed_checkpoint_every_interval_that_verifies_and_exports_the_event_count()
            throws Exception {
        submitNew(registry, registry.userToken("Carla Checkpoint"), "checkpointed-a");
        submitNew(registry, registry.userToken("Carla Checkpoint"), "checkpointed-b");
        AuditHead head = registry.database().adapters().auditTrail().head();

        AuditCheckpoint logged = awaitCheckpointOf(head.events());

        assertThat(logged.head()).isEqualTo(head.hash());
        assertThat(logged.keyId()).isEqualTo(TestDatabase.AUDIT_KEY.id());
        assertThat(AdminCommand.audit(registry.database().adapters())
                        .verifyChain(List.of(logged))
                        .intact())
                .isTrue();
        assertThat(logged())
                .as("the secret is never logged")
                .noneMatch(
                        line -> line.contains(TestDatabase.AUDIT_KEY.written().split(":")[1]));
        String metrics = registry.get("/metrics", null).body();
        assertThat(metrics).contains("# TYPE registry_audit_events gauge");
        Matcher count = EVENTS_METRIC.matcher(metrics);
        assertThat(count.find()).as(metrics).isTrue();
        assertThat(Double.parseDouble(count.group(1))).isGreaterThanOrEqualTo(head.events());
    }

    @Test
    void a_checkpoint_printed_by_the_command_line_and_a_log_of_checkpoints_both_round_trip_into_verify()
            throws Exception {
        submitNew(registry, registry.userToken("Carla Checkpoint"), "checkpointed-c");
        long events = registry.database().adapters().auditTrail().head().events();
        AuditCheckpoint fromLog = awaitCheckpointOf(events);

        CommandLineRun printed =
                CommandLineRun.inChildProcess(workingDirectory, commandLineSettings(), "admin", "audit", "checkpoint");

        assertThat(printed.exitCode()).as(printed.err()).isZero();
        String statement = printed.out().strip();
        assertThat(AuditCheckpoint.findIn(statement)).singleElement().satisfies(checkpoint -> {
            assertThat(checkpoint.statement()).isEqualTo(statement);
            assertThat(checkpoint.events()).isEqualTo(events);
        });

        CommandLineRun verified = CommandLineRun.inChildProcess(
                workingDirectory, commandLineSettings(), "admin", "audit", "verify", "--checkpoint", statement);

        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).startsWith("audit chain intact: ").contains("1 checkpoint(s) hold");

        Path logFile = workingDirectory.resolve("registry.log");
        List<String> lines = new ArrayList<>(List.of("{\"level\":\"INFO\",\"message\":\"listening\"}"));
        lines.add("{\"level\":\"INFO\",\"message\":\"audit_checkpoint=" + fromLog.statement() + "\"}");
        Files.write(logFile, lines, StandardCharsets.UTF_8);

        CommandLineRun fromFile = CommandLineRun.inChildProcess(
                workingDirectory,
                commandLineSettings(),
                "admin",
                "audit",
                "verify",
                "--checkpoint",
                logFile.toString());

        assertThat(fromFile.exitCode()).as(fromFile.out() + fromFile.err()).isZero();
        assertThat(fromFile.out()).contains("1 checkpoint(s) hold");
    }
}
