package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.audit.AuditKeys;
import com.mcpregistry.postgres.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Start-up without AUDIT_KEY: on a trail that is not keyed yet the registry starts and warns loudly; on a keyed trail
 * it refuses, because every event it wrote would break the chain.
 */
class AuditKeyStartupEndToEndTest {
    /** Lends its verifier and settings to the registries these tests start on databases of their own. */
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard();

    private static RegistryServer.Options withoutKey(TestDatabase database) {
        return registry.options(
                database.poolSettings(),
                config -> {},
                new AuditProtection(
                        AuditKeys.none(), Duration.ZERO, Optional.empty(), AuditProtection.PrivilegeCheck.OFF));
    }

    @Test
    void without_an_audit_key_on_an_unkeyed_trail_the_registry_starts_and_warns_that_the_chain_is_unkeyed() {
        Logger logger = (Logger) LoggerFactory.getLogger(RegistryServer.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try (TestDatabase database = TestDatabase.migrated();
                RegistryServer server = RegistryServer.start(withoutKey(database))) {
            assertThat(server.port()).isPositive();
            assertThat(log.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line ->
                            assertThat(line).startsWith("AUDIT_KEY is not set: audit events are hashed without a key"));
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void without_an_audit_key_on_a_keyed_trail_the_registry_refuses_to_start_naming_the_key() {
        try (TestDatabase database = TestDatabase.migrated()) {
            database.adapters()
                    .auditTrail()
                    .append(new AuditEvent(
                            UUID.randomUUID(),
                            Instant.now(),
                            Optional.empty(),
                            AuditAction.ADMIN_GRANTED,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            List.of()));

            assertThatThrownBy(() -> RegistryServer.start(withoutKey(database)))
                    .isInstanceOf(ConfigurationError.class)
                    .hasMessage("AUDIT_KEY: is required: the audit trail is keyed (its newest event is hashed under"
                            + " the key '" + TestDatabase.AUDIT_KEY.id() + "') and an unkeyed event after it would"
                            + " break the chain");
        }
    }
}
