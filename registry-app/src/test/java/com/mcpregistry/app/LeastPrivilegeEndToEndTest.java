package com.mcpregistry.app;

import static com.mcpregistry.app.Submissions.approve;
import static com.mcpregistry.app.Submissions.submitNew;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.domain.audit.AuditKeys;
import com.mcpregistry.postgres.PostgresPool;
import com.mcpregistry.postgres.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The registry as the README's two-role set-up runs it: connected as a login role granted {@code registry_runtime},
 * migrating as the schema's owner. It works in full, its role cannot get round the audit trail's guard, and a registry
 * whose role could is warned about at start-up, or refused with REQUIRE_LEAST_PRIVILEGE=true.
 */
class LeastPrivilegeEndToEndTest {
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.asRuntimeRole();

    @TempDir
    Path workingDirectory;

    @Test
    void a_registry_running_as_the_runtime_role_under_require_least_privilege_submits_reviews_and_audits() {
        JsonNode submitted = submitNew(registry, registry.userToken("Rita Runtime"), "least-privilege");
        approve(registry, submitted);

        JsonNode events = RunningRegistry.json(registry.get(
                        "/audit?registration="
                                + submitted.path("registration_id").asText(),
                        registry.adminToken()))
                .path("items");
        assertThat(events.findValuesAsText("action")).containsExactly("approve", "submit");
        assertThat(registry.database().adapters().auditTrail().verify().intact())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                "UPDATE audit_log SET reason = 'rewritten'",
                "DELETE FROM audit_log",
                "TRUNCATE audit_log"
            })
    void the_runtime_role_can_neither_switch_the_guard_off_nor_rewrite_remove_or_truncate_events(String statement) {
        long before = registry.database().adapters().auditTrail().head().events();
        try (HikariDataSource runtime = PostgresPool.create(registry.database().runtimeRolePoolSettings())) {
            assertThatThrownBy(() -> Jdbi.create(runtime).useHandle(handle -> handle.execute(statement)))
                    .hasMessageMatching("(?s).*(permission denied|must be owner).*");
        }
        assertThat(registry.database().adapters().auditTrail().head().events()).isEqualTo(before);
    }

    /** The registry on {@code database} as its owner (the embedded server's superuser), checking privileges so. */
    private static RegistryServer.Options asOwner(TestDatabase database, AuditProtection.PrivilegeCheck check) {
        return registry.options(
                database.poolSettings(),
                config -> {},
                new AuditProtection(AuditKeys.of(TestDatabase.AUDIT_KEY), Duration.ZERO, Optional.empty(), check));
    }

    @Test
    void a_registry_whose_role_could_get_round_the_guard_warns_at_start_up_and_serves() {
        Logger logger = (Logger) LoggerFactory.getLogger(RegistryServer.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try (TestDatabase database = TestDatabase.migrated();
                RegistryServer server = RegistryServer.start(asOwner(database, AuditProtection.PrivilegeCheck.WARN))) {
            assertThat(server.port()).isPositive();
            assertThat(log.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line)
                            .contains("could get round the audit trail's guard")
                            .contains("registry_runtime")
                            .contains("REQUIRE_LEAST_PRIVILEGE=true"));
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void with_require_least_privilege_a_registry_whose_role_could_get_round_the_guard_refuses_to_start() {
        try (TestDatabase database = TestDatabase.migrated()) {
            assertThatThrownBy(() -> RegistryServer.start(asOwner(database, AuditProtection.PrivilegeCheck.REFUSE)))
                    .isInstanceOf(ConfigurationError.class)
                    .hasMessageStartingWith("REQUIRE_LEAST_PRIVILEGE: is true, and the database role ")
                    .hasMessageContaining("could get round the audit trail's guard");
        }
    }

    @Test
    void serve_with_require_least_privilege_exits_2_naming_the_setting_when_its_role_is_privileged() throws Exception {
        try (TestDatabase database = TestDatabase.migrated()) {
            CommandLineRun run = CommandLineRun.inChildProcess(
                    workingDirectory,
                    Map.of(
                            "DATABASE_URL", database.jdbcUrl(),
                            "AZURE_TENANT_ID", UUID.randomUUID().toString(),
                            "AZURE_CLIENT_ID", UUID.randomUUID().toString(),
                            "ENTRA_AUTHORITY", "http://127.0.0.1:9",
                            "AUDIT_KEY", TestDatabase.AUDIT_KEY.written(),
                            "REQUIRE_LEAST_PRIVILEGE", "true",
                            "LOG_FORMAT", "text"),
                    "serve");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err())
                    .contains("configuration error: REQUIRE_LEAST_PRIVILEGE: is true, and the database role");
            assertThat(run.out() + run.err()).doesNotContain(TestDatabase.AUDIT_KEY.written());
        }
    }
}
