package com.mcpregistry.app;

import com.mcpregistry.domain.audit.AuditKeys;
import com.mcpregistry.postgres.PoolSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the registry protects its audit record (README, "The audit trail"): the keys of the audit chain, how often
 * its head is logged as a signed checkpoint ({@link Duration#ZERO}: never), the schema owner's database that
 * migrations run on (empty: the database the registry runs on), and what start-up does when the role the registry
 * runs as could get round the audit trail's guard in the database.
 */
public record AuditProtection(
        AuditKeys auditKeys,
        Duration checkpointInterval,
        Optional<PoolSettings> migrationDatabase,
        PrivilegeCheck privilegeCheck) {

    /** How often {@code serve} logs a checkpoint when AUDIT_CHECKPOINT_INTERVAL is unset. */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofHours(1);

    /** What start-up does about a runtime role that could get round the audit trail's guard. */
    public enum PrivilegeCheck {
        /** Nothing: start-dev runs as its embedded PostgreSQL's superuser on purpose. */
        OFF,
        /** Logs a warning and starts: {@code serve}'s default. */
        WARN,
        /** Refuses to start: {@code serve} with REQUIRE_LEAST_PRIVILEGE=true. */
        REFUSE
    }

    public AuditProtection {
        Objects.requireNonNull(auditKeys, "auditKeys");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        Objects.requireNonNull(migrationDatabase, "migrationDatabase");
        Objects.requireNonNull(privilegeCheck, "privilegeCheck");
        if (checkpointInterval.isNegative()) {
            throw new IllegalArgumentException("a checkpoint interval is zero (never) or positive");
        }
    }
}
