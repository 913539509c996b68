package com.mcpregistry.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntraSettingsTest {

    private static final String TENANT = "72F988BF-86F1-41AF-91AB-2D7CD011DB47";
    private static final String CLIENT = "00000003-0000-0000-c000-000000000000";

    @Test
    void defaults_follow_the_spec() {
        EntraSettings settings = EntraSettings.of(TENANT, CLIENT);

        assertThat(settings.tenantId()).isEqualTo("72f988bf-86f1-41af-91ab-2d7cd011db47");
        assertThat(settings.authority()).isEqualTo("https://login.microsoftonline.com");
        assertThat(settings.issuer())
                .isEqualTo("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0");
        assertThat(settings.jwksUri())
                .isEqualTo(URI.create(
                        "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/discovery/v2.0/keys"));
        assertThat(settings.adminRole()).isEqualTo("Registry.Admin");
        assertThat(settings.publishRole()).isEqualTo("Registry.Publish");
        assertThat(settings.adminGroupId()).isEmpty();
        assertThat(settings.requiredScope()).isEmpty();
        assertThat(settings.acceptedAudiences()).containsExactly(CLIENT);
        assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.jwks()).isEqualTo(JwksPolicy.defaults());
        assertThat(settings.verificationCacheSize()).isEqualTo(10_000);
    }

    @Test
    void a_trailing_slash_on_the_authority_is_tolerated() {
        assertThat(EntraSettings.builder(TENANT, CLIENT)
                        .authority("https://login.microsoftonline.us//")
                        .build()
                        .issuer())
                .isEqualTo("https://login.microsoftonline.us/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0");
    }

    @Test
    void plain_http_is_only_for_loopback() {
        assertThat(EntraSettings.builder(TENANT, CLIENT)
                        .authority("http://127.0.0.1:8081")
                        .build()
                        .authority())
                .isEqualTo("http://127.0.0.1:8081");
        assertThatThrownBy(() -> EntraSettings.builder(TENANT, CLIENT)
                        .authority("http://login.example.com")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authority");
        assertThatThrownBy(() -> EntraSettings.builder(TENANT, CLIENT)
                        .authority("https://u:p@login.example.com")
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntraSettings.builder(TENANT, CLIENT)
                        .authority("login.microsoftonline.com")
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenant_and_client_ids_are_guids() {
        assertThatThrownBy(() -> EntraSettings.of("contoso.onmicrosoft.com", CLIENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tenantId");
        assertThatThrownBy(() -> EntraSettings.of(TENANT, "api://registry"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clientId");
        assertThatThrownBy(() -> EntraSettings.builder(TENANT, CLIENT)
                        .adminGroupId("admins")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adminGroupId");
    }

    @Test
    void clock_skew_is_at_most_a_minute() {
        assertThatThrownBy(() -> EntraSettings.builder(TENANT, CLIENT)
                        .clockSkew(Duration.ofSeconds(61))
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntraSettings.builder(TENANT, CLIENT)
                        .clockSkew(Duration.ofSeconds(-1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extra_audiences_are_accepted_besides_the_client_id() {
        assertThat(EntraSettings.builder(TENANT, CLIENT)
                        .extraAudiences(Set.of("api://registry"))
                        .build()
                        .acceptedAudiences())
                .containsExactlyInAnyOrder(CLIENT, "api://registry");
    }

    @Test
    void role_and_scope_names_have_no_spaces() {
        assertThatThrownBy(() -> EntraSettings.builder(TENANT, CLIENT)
                        .adminRole("Registry Admin")
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntraSettings.builder(TENANT, CLIENT)
                        .publishRole("Registry Publish")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("publishRole ");
        assertThatThrownBy(() ->
                        EntraSettings.builder(TENANT, CLIENT).requiredScope("").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_jwks_policy_nimbus_cannot_run_is_refused_up_front() {
        JwksPolicy defaults = JwksPolicy.defaults();
        assertThatThrownBy(() -> new JwksPolicy(
                        Duration.ofMinutes(1),
                        defaults.refreshAhead(),
                        defaults.refreshTimeout(),
                        defaults.unknownKeyRefetchInterval(),
                        defaults.outageTolerance(),
                        defaults.connectTimeout(),
                        defaults.readTimeout(),
                        defaults.sizeLimitBytes()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
