package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.checks.DriftAction;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How remote servers are checked: PROBE_WORKERS, PROBE_INTERVAL, PROBE_ALLOWED_NETWORKS and DRIFT_ACTION, read where
 * {@code serve}'s other settings are, each problem named by its variable and reported with the others.
 */
class CheckSettingsTest {
    private static final Map<String, String> REQUIRED = Map.of(
            "DATABASE_URL", "postgresql://registry:s3cret@db.contoso.example:5432/registry",
            "AZURE_TENANT_ID", UUID.randomUUID().toString(),
            "AZURE_CLIENT_ID", UUID.randomUUID().toString());

    private static CheckSettings serve(Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(REQUIRED);
        values.putAll(settings);
        return ServeSettings.from(new Environment(values)).checks();
    }

    @Test
    void unset_two_workers_check_every_15_minutes_public_addresses_only_and_flag_drift() {
        CheckSettings checks = serve(Map.of());

        assertThat(checks).isEqualTo(CheckSettings.defaults());
        assertThat(checks.workers()).isEqualTo(2);
        assertThat(checks.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(checks.allowedNetworks()).isEmpty();
        assertThat(checks.driftAction()).isEqualTo(DriftAction.FLAG);
    }

    @Test
    void every_check_setting_is_read() {
        CheckSettings checks = serve(Map.of(
                "PROBE_WORKERS", "0",
                "PROBE_INTERVAL", "1h",
                "PROBE_ALLOWED_NETWORKS", "10.20.0.0/16, fd00:1::/64,192.168.1.7",
                "DRIFT_ACTION", "Deprecate"));

        assertThat(checks.workers()).isZero();
        assertThat(checks.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(checks.allowedNetworks()).containsExactly("10.20.0.0/16", "fd00:1::/64", "192.168.1.7");
        assertThat(checks.driftAction()).isEqualTo(DriftAction.DEPRECATE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"15m|PT15M", "PT30M|PT30M", "10s|PT10S", "2h|PT2H", "1d|PT24H"})
    void an_interval_is_a_number_with_its_unit_or_iso_8601(String raw, String expected) {
        assertThat(serve(Map.of("PROBE_INTERVAL", raw)).interval()).isEqualTo(Duration.parse(expected));
    }

    @Test
    void start_dev_reaches_loopback_unless_told_otherwise() {
        Environment nothingSet = new Environment(Map.of());
        Environment noneAllowed = new Environment(Map.of("PROBE_ALLOWED_NETWORKS", "none"));
        Environment lab = new Environment(Map.of("PROBE_ALLOWED_NETWORKS", "10.0.0.0/8"));

        assertThat(ServeSettings.checks(nothingSet, CheckSettings.LOOPBACK).allowedNetworks())
                .containsExactly("127.0.0.0/8", "::1/128");
        assertThat(ServeSettings.checks(noneAllowed, CheckSettings.LOOPBACK).allowedNetworks())
                .isEmpty();
        assertThat(ServeSettings.checks(lab, CheckSettings.LOOPBACK).allowedNetworks())
                .containsExactly("10.0.0.0/8");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PROBE_WORKERS|-1|between 0 and 64",
                "PROBE_WORKERS|65|between 0 and 64",
                "PROBE_WORKERS|two|a whole number",
                "PROBE_INTERVAL|900|a duration such as 15m",
                "PROBE_INTERVAL|fortnightly|a duration such as 15m",
                "PROBE_INTERVAL|5s|at least 10s",
                "PROBE_INTERVAL|0s|at least 10s",
                "PROBE_INTERVAL|off|a duration such as 15m",
                "PROBE_ALLOWED_NETWORKS|10.0.0.0/33|10.0.0.0/33",
                "PROBE_ALLOWED_NETWORKS|intranet|intranet",
                "DRIFT_ACTION|delete|flag, deprecate"
            })
    void an_invalid_check_setting_is_one_line_naming_it(String name, String value, String explanation) {
        assertThatThrownBy(() -> serve(Map.of(name, value)))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith(name + ": ")
                .hasMessageContaining(explanation)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void every_invalid_check_setting_is_reported_at_once_with_the_others() {
        assertThatThrownBy(() -> serve(Map.of(
                        "PORT", "eighty",
                        "PROBE_WORKERS", "-1",
                        "PROBE_INTERVAL", "soon",
                        "PROBE_ALLOWED_NETWORKS", "intranet",
                        "DRIFT_ACTION", "ignore")))
                .isInstanceOfSatisfying(
                        ConfigurationError.class,
                        error -> assertThat(error.problems())
                                .extracting(problem -> problem.substring(0, problem.indexOf(':')))
                                .containsExactlyInAnyOrder(
                                        "PORT",
                                        "PROBE_WORKERS",
                                        "PROBE_INTERVAL",
                                        "PROBE_ALLOWED_NETWORKS",
                                        "DRIFT_ACTION"));
    }

    @Test
    void start_dev_reports_its_check_settings_as_serve_does() {
        Environment wrong = new Environment(Map.of("PROBE_WORKERS", "many", "DRIFT_ACTION", "panic"));

        assertThatThrownBy(() -> ServeSettings.checks(wrong, CheckSettings.LOOPBACK))
                .isInstanceOfSatisfying(
                        ConfigurationError.class,
                        error -> assertThat(error.problems())
                                .hasSize(2)
                                .anySatisfy(problem -> assertThat(problem).startsWith("PROBE_WORKERS: "))
                                .anySatisfy(problem -> assertThat(problem).startsWith("DRIFT_ACTION: ")));
    }
}
