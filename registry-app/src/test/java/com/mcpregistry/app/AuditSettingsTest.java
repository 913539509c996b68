package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.audit.AuditKey;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The settings that protect the audit record: AUDIT_KEY and AUDIT_KEYS_PREVIOUS, AUDIT_CHECKPOINT_INTERVAL,
 * MIGRATION_DATABASE_URL and REQUIRE_LEAST_PRIVILEGE, each problem named by its variable, never a secret shown.
 */
class AuditSettingsTest {
    private static final String SECRET =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final Map<String, String> REQUIRED = Map.of(
            "DATABASE_URL", "postgresql://registry_app:app-secret@db.contoso.example:5432/registry",
            "AZURE_TENANT_ID", UUID.randomUUID().toString(),
            "AZURE_CLIENT_ID", UUID.randomUUID().toString());

    private static AuditProtection protection(Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(REQUIRED);
        values.putAll(settings);
        return ServeSettings.from(new Environment(values)).auditProtection();
    }

    @Test
    void unset_there_is_no_key_a_checkpoint_every_hour_no_separate_owner_and_a_warning() {
        AuditProtection protection = protection(Map.of());

        assertThat(protection.auditKeys().current()).isEmpty();
        assertThat(protection.checkpointInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(protection.migrationDatabase()).isEmpty();
        assertThat(protection.privilegeCheck()).isEqualTo(AuditProtection.PrivilegeCheck.WARN);
    }

    @Test
    void every_audit_setting_is_read() {
        AuditProtection protection = protection(Map.of(
                "AUDIT_KEY", "k2:" + SECRET,
                "AUDIT_KEYS_PREVIOUS", "k1:" + SECRET + ", k0:" + SECRET,
                "AUDIT_CHECKPOINT_INTERVAL", "15m",
                "MIGRATION_DATABASE_URL", "postgresql://registry_owner:owner-secret@db.contoso.example/registry",
                "REQUIRE_LEAST_PRIVILEGE", "TRUE"));

        assertThat(protection.auditKeys().current().map(AuditKey::id)).contains("k2");
        assertThat(protection.auditKeys().find("k1")).isPresent();
        assertThat(protection.auditKeys().find("k0")).isPresent();
        assertThat(protection.checkpointInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(protection.migrationDatabase().orElseThrow().username()).contains("registry_owner");
        assertThat(protection.migrationDatabase().orElseThrow().maximumPoolSize())
                .isEqualTo(2);
        assertThat(protection.privilegeCheck()).isEqualTo(AuditProtection.PrivilegeCheck.REFUSE);
    }

    @ParameterizedTest
    @CsvSource({"30s,PT30S", "15m,PT15M", "1h,PT1H", "2d,PT48H", "PT2H,PT2H", "pt90m,PT1H30M", "0,PT0S", "off,PT0S"})
    void a_checkpoint_interval_is_a_duration_or_0_or_off_for_never(String written, String meant) {
        assertThat(protection(Map.of("AUDIT_CHECKPOINT_INTERVAL", written)).checkpointInterval())
                .isEqualTo(Duration.parse(meant));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "AUDIT_KEY|no-colon-" + "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "AUDIT_KEY|k1:c2hvcnQtc2VjcmV0",
                "AUDIT_KEY|k 1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "AUDIT_KEYS_PREVIOUS|k1:not*base64!",
                "AUDIT_CHECKPOINT_INTERVAL|soon",
                "AUDIT_CHECKPOINT_INTERVAL|500ms",
                "AUDIT_CHECKPOINT_INTERVAL|-1h",
                "REQUIRE_LEAST_PRIVILEGE|yes",
                "MIGRATION_DATABASE_URL|mysql://db.contoso.example/registry"
            })
    void an_invalid_audit_setting_is_one_line_naming_it_never_its_secret(String name, String value) {
        assertThatThrownBy(() -> protection(Map.of(name, value)))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith(name + ": ")
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("\n")
                        .doesNotContain("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY")
                        .doesNotContain("c2hvcnQtc2VjcmV0")
                        .doesNotContain("not*base64"));
    }

    @Test
    void a_key_id_given_twice_is_named_under_the_previous_keys() {
        assertThatThrownBy(() -> protection(Map.of("AUDIT_KEY", "k1:" + SECRET, "AUDIT_KEYS_PREVIOUS", "k1:" + SECRET)))
                .isInstanceOf(ConfigurationError.class)
                .hasMessage("AUDIT_KEYS_PREVIOUS: the audit key id 'k1' is given twice");
    }

    @Test
    void requiring_least_privilege_requires_an_audit_key() {
        assertThatThrownBy(() -> protection(Map.of("REQUIRE_LEAST_PRIVILEGE", "true")))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith("AUDIT_KEY: is required with REQUIRE_LEAST_PRIVILEGE=true");
    }

    @Test
    void migrate_applies_the_schema_as_migration_database_url_and_else_as_database_url() {
        Map<String, String> both = new HashMap<>(REQUIRED);
        both.put("MIGRATION_DATABASE_URL", "postgresql://registry_owner:owner-secret@db.contoso.example/registry");

        assertThat(ServeSettings.migrationDatabase(new Environment(both)).username())
                .isEqualTo(Optional.of("registry_owner"));
        assertThat(ServeSettings.migrationDatabase(new Environment(REQUIRED)).username())
                .isEqualTo(Optional.of("registry_app"));
        assertThatThrownBy(() -> ServeSettings.migrationDatabase(new Environment(Map.of())))
                .isInstanceOf(ConfigurationError.class)
                .hasMessage("DATABASE_URL: is required");
    }
}
