package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.limits.LimitSettings;
import com.mcpregistry.limits.Quota;
import com.mcpregistry.limits.RateLimit;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code serve}'s rate limits, quotas, trusted proxies and search budget, as operators set them. */
class LimitSettingsConfigurationTest {
    private static final Map<String, String> REQUIRED = Map.of(
            "DATABASE_URL", "postgresql://registry:s3cret@db.contoso.example:5432/registry",
            "AZURE_TENANT_ID", UUID.randomUUID().toString(),
            "AZURE_CLIENT_ID", UUID.randomUUID().toString());

    private static ServeSettings settings(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(REQUIRED);
        values.putAll(extra);
        return ServeSettings.from(new Environment(values));
    }

    @Test
    void every_limit_and_quota_is_on_by_default_at_a_generous_value() {
        ServeSettings settings = settings(Map.of());

        assertThat(settings.limits()).isEqualTo(LimitSettings.defaults());
        assertThat(settings.limits().policy(RateLimit.WRITES).orElseThrow().toString())
                .isEqualTo("120/60s");
        assertThat(settings.limits()
                        .policy(RateLimit.ANONYMOUS_READS)
                        .orElseThrow()
                        .quota())
                .isEqualTo(6000);
        assertThat(settings.limits()
                        .policy(RateLimit.FAILED_SIGN_INS)
                        .orElseThrow()
                        .quota())
                .isEqualTo(30);
        assertThat(settings.limits().quota(Quota.PENDING_PER_USER)).hasValue(20);
        assertThat(settings.limits().quota(Quota.VERSIONS_PER_SERVER_PER_DAY)).hasValue(50);
        assertThat(settings.trustedProxies().isEmpty()).isTrue();
        assertThat(settings.searchTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void each_limit_and_quota_is_set_or_switched_off_by_its_own_setting() {
        ServeSettings settings = settings(Map.of(
                "RATE_LIMIT_WRITES", "10/s",
                "RATE_LIMIT_ANONYMOUS_READS", "off",
                "RATE_LIMIT_FAILED_SIGN_INS", "100/10min",
                "QUOTA_PENDING_PER_USER", "5",
                "QUOTA_VERSIONS_PER_SERVER_PER_DAY", "OFF",
                "TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.10, fd00::/8",
                "SEARCH_TIMEOUT_MS", "750"));

        assertThat(settings.limits().policy(RateLimit.WRITES).orElseThrow().toString())
                .isEqualTo("10/1s");
        assertThat(settings.limits().policy(RateLimit.ANONYMOUS_READS)).isEmpty();
        assertThat(settings.limits()
                        .policy(RateLimit.FAILED_SIGN_INS)
                        .orElseThrow()
                        .window())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.limits().quota(Quota.PENDING_PER_USER)).hasValue(5);
        assertThat(settings.limits().quota(Quota.VERSIONS_PER_SERVER_PER_DAY)).isEmpty();
        assertThat(settings.trustedProxies().clientOf("10.1.2.3", java.util.List.of("203.0.113.9")))
                .isEqualTo("203.0.113.9");
        assertThat(settings.searchTimeout()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void rate_limits_off_switches_every_limit_and_quota_off_in_serve_and_start_dev() {
        Map<String, String> off =
                Map.of("RATE_LIMITS", "off", "RATE_LIMIT_WRITES", "1/min", "QUOTA_PENDING_PER_USER", "1");

        assertThat(settings(off).limits()).isEqualTo(LimitSettings.off());
        assertThat(ServeSettings.limits(new Environment(off))).isEqualTo(LimitSettings.off());
        assertThat(ServeSettings.limits(new Environment(Map.of()))).isEqualTo(LimitSettings.defaults());
    }

    @Test
    void a_bad_value_stops_start_up_with_a_line_naming_its_setting() {
        assertThatThrownBy(() -> settings(Map.of(
                        "RATE_LIMITS", "maybe",
                        "RATE_LIMIT_WRITES", "lots",
                        "RATE_LIMIT_ANONYMOUS_READS", "0/min",
                        "QUOTA_PENDING_PER_USER", "-1",
                        "TRUSTED_PROXIES", "proxy.contoso.example",
                        "SEARCH_TIMEOUT_MS", "5")))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("RATE_LIMITS: must be one of on, off")
                .hasMessageContaining("RATE_LIMIT_WRITES: must be requests per window such as 120/min")
                .hasMessageContaining("RATE_LIMIT_ANONYMOUS_READS: a rate limit allows at least 1 request")
                .hasMessageContaining("QUOTA_PENDING_PER_USER: must be between 1 and 1000000")
                .hasMessageContaining("TRUSTED_PROXIES: 'proxy.contoso.example' is neither an IP address")
                .hasMessageContaining("SEARCH_TIMEOUT_MS: must be between 100 and 60000");
    }

    @Test
    void serve_help_describes_every_new_setting() {
        assertThat(ServeSettings.DESCRIBED)
                .extracting(ServeSettings.Described::name)
                .contains(
                        "RATE_LIMITS",
                        "RATE_LIMIT_WRITES",
                        "RATE_LIMIT_ANONYMOUS_READS",
                        "RATE_LIMIT_FAILED_SIGN_INS",
                        "QUOTA_PENDING_PER_USER",
                        "QUOTA_VERSIONS_PER_SERVER_PER_DAY",
                        "TRUSTED_PROXIES",
                        "SEARCH_TIMEOUT_MS");
    }
}
