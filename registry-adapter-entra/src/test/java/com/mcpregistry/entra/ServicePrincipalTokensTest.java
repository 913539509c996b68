package com.mcpregistry.entra;

import static com.mcpregistry.entra.VerifierFixture.invalidReason;
import static com.mcpregistry.entra.VerifierFixture.verified;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.entra.testing.TestTokens;
import com.mcpregistry.identity.VerifiedToken;
import com.mcpregistry.identity.port.out.TokenVerification.InsufficientScope;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * App-only tokens, as a CI pipeline gets them with client credentials or workload identity federation: a service
 * principal is a caller when its token carries the publish app role (or the admin role), and is refused with the role
 * it lacks otherwise. User tokens are unchanged: their scope decides, not a role.
 */
class ServicePrincipalTokensTest {

    private final VerifierFixture fixture = new VerifierFixture();
    private final TestTokens tokens = fixture.tokens;

    @AfterEach
    void close() {
        fixture.close();
    }

    private String sign(JWTClaimsSet.Builder claims) {
        return tokens.sign(claims.build());
    }

    @Test
    void an_app_only_token_with_the_publish_role_is_the_service_principal() {
        fixture.reconfigure(
                tokens.settingsBuilder().requiredScope("access_as_user").build());
        String servicePrincipal = UUID.randomUUID().toString();

        VerifiedToken app = verified(fixture.verify(sign(tokens.appClaimsOf(servicePrincipal, "Registry.Publish")
                .claim("idtyp", "app")
                .claim("app_displayname", "Contoso CI"))));

        assertThat(app.identity().tenantId()).isEqualTo(tokens.tenantId());
        assertThat(app.identity().objectId()).isEqualTo(servicePrincipal);
        assertThat(app.displayName()).isEqualTo("Contoso CI");
        assertThat(app.email()).isEmpty();
        assertThat(app.verifiedEmail()).isEmpty();
        assertThat(app.scopes()).isEmpty();
        assertThat(app.roles()).containsExactly("Registry.Publish");
        assertThat(app.admin()).isFalse();
    }

    @Test
    void the_optional_claim_idtyp_is_not_needed() {
        assertThat(verified(fixture.verify(sign(tokens.appClaims("Registry.Publish"))))
                        .roles())
                .containsExactly("Registry.Publish");
    }

    @Test
    void without_a_display_name_a_service_principal_is_shown_by_its_application_id() {
        String applicationId = UUID.randomUUID().toString();

        assertThat(verified(fixture.verify(
                                sign(tokens.appClaims("Registry.Publish").claim("azp", applicationId))))
                        .displayName())
                .isEqualTo(applicationId);
        assertThat(verified(fixture.verify(sign(tokens.appClaims("Registry.Publish")
                                .claim("azp", null)
                                .claim("appid", applicationId))))
                        .displayName())
                .as("v1.0 tokens name the application appid")
                .isEqualTo(applicationId);
    }

    @Test
    void an_app_only_token_without_the_publish_role_lacks_it() {
        assertThat(fixture.verify(sign(tokens.appClaims("Registry.Reader").claim("idtyp", "app"))))
                .isEqualTo(new InsufficientScope("Registry.Publish"));
    }

    @Test
    void an_app_only_token_without_any_role_is_not_for_this_api() {
        assertThat(invalidReason(fixture.verify(sign(tokens.appClaims().claim("idtyp", "app")))))
                .isEqualTo("token carries neither scp nor roles");
        invalidReason(fixture.verify(sign(tokens.appClaims().claim("roles", null))));
    }

    @Test
    void a_configured_publish_role_replaces_the_default() {
        fixture.reconfigure(
                tokens.settingsBuilder().publishRole("Catalog.Publish").build());

        assertThat(fixture.verify(sign(tokens.appClaims("Registry.Publish"))))
                .isEqualTo(new InsufficientScope("Catalog.Publish"));
        assertThat(verified(fixture.verify(sign(tokens.appClaims("Catalog.Publish"))))
                        .roles())
                .containsExactly("Catalog.Publish");
    }

    @Test
    void an_app_only_token_with_the_admin_role_is_an_administrator_without_the_publish_role() {
        VerifiedToken admin = verified(fixture.verify(sign(tokens.appClaims("Registry.Admin"))));

        assertThat(admin.admin()).isTrue();
        assertThat(verified(fixture.verify(sign(tokens.appClaims("Registry.Publish", "Registry.Admin"))))
                        .admin())
                .isTrue();
    }

    @Test
    void a_service_principal_has_no_e_mail_whatever_its_token_claims() {
        VerifiedToken app = verified(fixture.verify(sign(tokens.appClaims("Registry.Publish")
                .claim("preferred_username", "ci@contoso.example")
                .claim("email", "ci@contoso.example")
                .claim("xms_edov", true)
                .claim("verified_primary_email", List.of("ci@contoso.example")))));

        assertThat(app.email()).isEmpty();
        assertThat(app.verifiedEmail()).isEmpty();
    }

    @Test
    void an_idtyp_that_contradicts_scp_is_refused() {
        assertThat(invalidReason(fixture.verify(sign(tokens.userClaims().claim("idtyp", "app")))))
                .isEqualTo("idtyp app with scp");
        assertThat(invalidReason(
                        fixture.verify(sign(tokens.appClaims("Registry.Publish").claim("idtyp", "user")))))
                .isEqualTo("idtyp user without scp");
        invalidReason(fixture.verify(sign(tokens.appClaims("Registry.Publish").claim("idtyp", 1))));
    }

    @Test
    void a_user_token_needs_its_scope_and_no_role() {
        fixture.reconfigure(
                tokens.settingsBuilder().requiredScope("access_as_user").build());

        VerifiedToken user = verified(fixture.verify(sign(tokens.userClaims().claim("idtyp", "user"))));
        assertThat(user.displayName()).isEqualTo("Ada Lovelace");
        assertThat(user.email()).contains("ada@contoso.example");
        assertThat(user.roles()).isEmpty();
        assertThat(verified(fixture.verify(sign(tokens.userClaims().claim("roles", List.of("Registry.Reader")))))
                        .roles())
                .containsExactly("Registry.Reader");
        assertThat(fixture.verify(sign(
                        tokens.userClaims().claim("scp", "User.Read").claim("roles", List.of("Registry.Publish")))))
                .as("the publish role does not stand in for a user's scope")
                .isEqualTo(new InsufficientScope("access_as_user"));
    }
}
