package com.mcpregistry.app;

import static com.mcpregistry.app.Submissions.approve;
import static com.mcpregistry.app.Submissions.submitNew;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.audit.AuditCheckpoint;
import com.mcpregistry.domain.audit.AuditKey;
import com.mcpregistry.postgres.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code admin audit verify} tells an operator about a trail someone with the database's owner rights changed:
 * the newest events removed (caught by a checkpoint taken before), or a key other than the registry's.
 */
class AuditTamperingEndToEndTest {
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard();

    @TempDir
    Path workingDirectory;

    private CommandLineRun verify(String auditKey, String... options) throws Exception {
        String[] args = new String[3 + options.length];
        args[0] = "admin";
        args[1] = "audit";
        args[2] = "verify";
        System.arraycopy(options, 0, args, 3, options.length);
        return CommandLineRun.inChildProcess(
                workingDirectory, Map.of("DATABASE_URL", registry.database().jdbcUrl(), "AUDIT_KEY", auditKey), args);
    }

    @Test
    void deleting_the_newest_events_goes_unnoticed_by_the_chain_alone_and_fails_verify_with_a_checkpoint()
            throws Exception {
        String token = registry.userToken("Tess Tampered");
        approve(registry, submitNew(registry, token, "tampered-a"));
        submitNew(registry, token, "tampered-b");
        AuditCheckpoint checkpoint =
                AdminCommand.audit(registry.database().adapters()).checkpoint().orElseThrow();
        Path kept = workingDirectory.resolve("checkpoint.txt");
        Files.writeString(kept, checkpoint.statement() + "\n", StandardCharsets.UTF_8);

        // As the tables' owner can: switch the guard off, remove the two newest events, switch it on again.
        registry.database().jdbi().useHandle(handle -> {
            handle.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
            handle.execute("DELETE FROM audit_log WHERE seq IN (SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 2)");
            handle.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
        });

        CommandLineRun chainAlone = verify(TestDatabase.AUDIT_KEY.written());
        CommandLineRun withCheckpoint = verify(TestDatabase.AUDIT_KEY.written(), "--checkpoint", kept.toString());

        assertThat(chainAlone.exitCode()).as(chainAlone.out()).isZero();
        assertThat(withCheckpoint.exitCode())
                .as(withCheckpoint.out() + withCheckpoint.err())
                .isEqualTo(1);
        assertThat(withCheckpoint.out())
                .startsWith("audit chain BROKEN: the trail holds " + (checkpoint.events() - 2)
                        + " events, fewer than the " + checkpoint.events() + " the checkpoint of " + checkpoint.at()
                        + " recorded: events were removed");
    }

    @Test
    void verifying_with_another_secret_under_the_registrys_key_id_fails_at_the_first_event() throws Exception {
        submitNew(registry, registry.userToken("Tess Tampered"), "tampered-c");
        String otherSecret = AuditKey.random(TestDatabase.AUDIT_KEY.id()).written();

        CommandLineRun run = verify(otherSecret);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .startsWith("audit chain BROKEN: event 1 (")
                .contains("does not match its content under the audit key '" + TestDatabase.AUDIT_KEY.id() + "'");
        assertThat(run.out() + run.err()).doesNotContain(otherSecret.split(":")[1]);
    }
}
