package com.mcpregistry.entra;

import static com.mcpregistry.entra.VerifierFixture.invalidReason;
import static com.mcpregistry.entra.VerifierFixture.verified;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.entra.testing.TestTokens;
import com.mcpregistry.identity.VerifiedToken;
import com.mcpregistry.identity.port.out.TokenVerification.InsufficientScope;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The claims of §5: issuer, version, audience, tenant, lifetime, identity, scopes, roles and admin. */
class ClaimsTest {

    private static final String ADMIN_GROUP = "0f6d3a4e-93c8-4bb1-9a57-3c1f0c2f7d11";

    private final VerifierFixture fixture = new VerifierFixture();
    private final TestTokens tokens = fixture.tokens;

    @AfterEach
    void close() {
        fixture.close();
    }

    private String sign(JWTClaimsSet.Builder claims) {
        return tokens.sign(claims.build());
    }

    private Instant now() {
        return fixture.clock.instant();
    }

    @Test
    void a_valid_user_token_identifies_the_user_by_tenant_and_object_id() {
        String oid = UUID.randomUUID().toString();

        VerifiedToken identity = verified(fixture.verify(sign(tokens.userClaims(oid))));

        assertThat(identity.identity().tenantId()).isEqualTo(tokens.tenantId());
        assertThat(identity.identity().objectId()).isEqualTo(oid);
        assertThat(identity.displayName()).isEqualTo("Ada Lovelace");
        assertThat(identity.email()).contains("ada@contoso.example");
        assertThat(identity.scopes()).containsExactly(TestTokens.SCOPE);
        assertThat(identity.roles()).isEmpty();
        assertThat(identity.admin()).isFalse();
        assertThat(identity.expiresAt()).isEqualTo(now().plus(TestTokens.LIFETIME));
    }

    @Test
    void users_are_keyed_by_oid_never_by_sub_or_email() {
        String oid = UUID.randomUUID().toString();

        VerifiedToken first = verified(fixture.verify(
                sign(tokens.userClaims(oid).subject("sub-1").claim("preferred_username", "one@contoso.example"))));
        VerifiedToken second = verified(fixture.verify(
                sign(tokens.userClaims(oid).subject("sub-2").claim("preferred_username", "two@contoso.example"))));

        assertThat(first.identity()).isEqualTo(second.identity());
    }

    @Test
    void a_wrong_issuer_is_refused() {
        assertThat(invalidReason(fixture.verify(
                        sign(tokens.userClaims().issuer("https://login.example.com/" + tokens.tenantId() + "/v2.0")))))
                .isEqualTo("JWT iss claim value rejected");
    }

    @Test
    void the_v1_issuer_is_refused() {
        invalidReason(
                fixture.verify(sign(tokens.userClaims().issuer("https://sts.windows.net/" + tokens.tenantId() + "/"))));
    }

    @Test
    void the_issuer_with_a_trailing_slash_is_refused() {
        invalidReason(fixture.verify(sign(tokens.userClaims().issuer(tokens.issuer() + "/"))));
    }

    @Test
    void another_tenants_issuer_and_tid_are_refused() {
        String otherTenant = UUID.randomUUID().toString();

        invalidReason(fixture.verify(sign(tokens.userClaims()
                .issuer(tokens.authority() + "/" + otherTenant + "/v2.0")
                .claim("tid", otherTenant))));
    }

    @Test
    void the_right_issuer_with_another_tid_is_refused() {
        assertThat(invalidReason(fixture.verify(
                        sign(tokens.userClaims().claim("tid", UUID.randomUUID().toString())))))
                .isEqualTo("JWT tid claim value rejected");
    }

    @Test
    void a_version_1_token_is_refused() {
        assertThat(invalidReason(fixture.verify(sign(tokens.userClaims().claim("ver", "1.0")))))
                .isEqualTo("JWT ver claim value rejected");
    }

    @Test
    void a_token_without_version_is_refused() {
        invalidReason(fixture.verify(sign(tokens.userClaims().claim("ver", null))));
    }

    @Test
    void a_token_for_another_api_is_refused() {
        assertThat(invalidReason(fixture.verify(
                        sign(tokens.userClaims().audience(UUID.randomUUID().toString())))))
                .isEqualTo("JWT aud claim rejected");
    }

    @Test
    void a_token_without_audience_is_refused() {
        invalidReason(fixture.verify(sign(tokens.userClaims().audience((String) null))));
    }

    @Test
    void a_token_for_this_api_and_another_is_refused() {
        assertThat(invalidReason(fixture.verify(sign(tokens.userClaims()
                        .audience(List.of(tokens.clientId(), UUID.randomUUID().toString()))))))
                .isEqualTo("JWT must name exactly one audience");
    }

    @Test
    void the_application_id_uri_audience_is_refused_unless_configured() {
        String appIdUri = "api://" + tokens.clientId();
        String token = sign(tokens.userClaims().audience(appIdUri));

        invalidReason(fixture.verify(token));

        fixture.reconfigure(
                tokens.settingsBuilder().extraAudiences(Set.of(appIdUri)).build());
        verified(fixture.verify(token));
    }

    @Test
    void a_token_expired_within_the_clock_skew_is_accepted() {
        String token = sign(tokens.userClaims()
                .notBeforeTime(Date.from(now().minusSeconds(3600)))
                .expirationTime(Date.from(now().minusSeconds(59))));

        verified(fixture.verify(token));
    }

    @Test
    void a_token_expired_by_the_clock_skew_or_more_is_refused() {
        for (long secondsAgo : List.of(60L, 61L, 3600L)) {
            String token = sign(tokens.userClaims()
                    .notBeforeTime(Date.from(now().minusSeconds(7200)))
                    .expirationTime(Date.from(now().minusSeconds(secondsAgo))));

            assertThat(invalidReason(fixture.verify(token)))
                    .as("expired %d s ago", secondsAgo)
                    .isEqualTo("Expired JWT");
        }
    }

    @Test
    void a_token_valid_from_within_the_clock_skew_is_accepted() {
        verified(fixture.verify(sign(tokens.userClaims().notBeforeTime(Date.from(now().plusSeconds(59))))));
    }

    @Test
    void a_token_not_yet_valid_beyond_the_clock_skew_is_refused() {
        for (long secondsAhead : List.of(60L, 61L, 3600L)) {
            String token = sign(tokens.userClaims().notBeforeTime(Date.from(now().plusSeconds(secondsAhead))));

            assertThat(invalidReason(fixture.verify(token))).isEqualTo("JWT before use time");
        }
    }

    @Test
    void a_smaller_clock_skew_is_honoured() {
        fixture.reconfigure(
                tokens.settingsBuilder().clockSkew(Duration.ofSeconds(5)).build());

        invalidReason(fixture.verify(sign(tokens.userClaims()
                .notBeforeTime(Date.from(now().minusSeconds(3600)))
                .expirationTime(Date.from(now().minusSeconds(6))))));
    }

    @Test
    void a_token_without_exp_is_refused() {
        assertThat(invalidReason(fixture.verify(sign(tokens.userClaims().expirationTime(null)))))
                .contains("missing required claims")
                .contains("exp");
    }

    @Test
    void a_token_without_nbf_is_refused() {
        assertThat(invalidReason(fixture.verify(sign(tokens.userClaims().notBeforeTime(null)))))
                .contains("missing required claims")
                .contains("nbf");
    }

    @Test
    void a_token_without_oid_is_refused_even_with_sub_and_email() {
        assertThat(invalidReason(fixture.verify(sign(tokens.userClaims().claim("oid", null)))))
                .contains("missing required claims")
                .contains("oid");
    }

    @Test
    void a_token_whose_oid_is_not_text_is_refused() {
        invalidReason(fixture.verify(sign(tokens.userClaims().claim("oid", 42))));
        invalidReason(fixture.verify(sign(tokens.userClaims().claim("oid", ""))));
        invalidReason(fixture.verify(sign(tokens.userClaims().claim("oid", "a\u0000b"))));
    }

    @Test
    void a_token_without_scp_and_roles_is_refused() {
        assertThat(invalidReason(fixture.verify(sign(tokens.userClaims().claim("scp", null)))))
                .isEqualTo("token carries neither scp nor roles");
        invalidReason(fixture.verify(sign(tokens.userClaims().claim("scp", " ").claim("roles", List.of()))));
    }

    @Test
    void a_user_token_without_the_required_scope_lacks_scope() {
        fixture.reconfigure(
                tokens.settingsBuilder().requiredScope("Registry.ReadWrite").build());

        assertThat(fixture.verify(sign(tokens.userClaims().claim("scp", "access_as_user User.Read"))))
                .isEqualTo(new InsufficientScope("Registry.ReadWrite"));
        assertThat(verified(fixture.verify(sign(tokens.userClaims().claim("scp", "access_as_user Registry.ReadWrite"))))
                        .scopes())
                .containsExactlyInAnyOrder("access_as_user", "Registry.ReadWrite");
    }

    @Test
    void the_admin_role_makes_an_admin() {
        assertThat(verified(fixture.verify(sign(tokens.userClaims().claim("roles", List.of("Registry.Admin")))))
                        .admin())
                .isTrue();
        assertThat(verified(fixture.verify(sign(tokens.appClaims("Registry.Admin"))))
                        .admin())
                .isTrue();
    }

    @Test
    void another_role_does_not_make_an_admin() {
        assertThat(verified(fixture.verify(sign(tokens.userClaims().claim("roles", List.of("registry.admin")))))
                        .admin())
                .isFalse();
    }

    @Test
    void a_configured_admin_role_replaces_the_default() {
        fixture.reconfigure(
                tokens.settingsBuilder().adminRole("Catalogue.Owner").build());

        assertThat(verified(fixture.verify(sign(tokens.userClaims().claim("roles", List.of("Registry.Admin")))))
                        .admin())
                .isFalse();
        assertThat(verified(fixture.verify(sign(tokens.userClaims().claim("roles", List.of("Catalogue.Owner")))))
                        .admin())
                .isTrue();
    }

    @Test
    void the_admin_group_makes_an_admin() {
        fixture.reconfigure(
                tokens.settingsBuilder().adminGroupId(ADMIN_GROUP.toUpperCase()).build());

        VerifiedToken member = verified(fixture.verify(sign(
                tokens.userClaims().claim("groups", List.of(UUID.randomUUID().toString(), ADMIN_GROUP)))));
        VerifiedToken other = verified(fixture.verify(sign(
                tokens.userClaims().claim("groups", List.of(UUID.randomUUID().toString())))));

        assertThat(member.admin()).isTrue();
        assertThat(member.groups()).contains(ADMIN_GROUP);
        assertThat(other.admin()).isFalse();
    }

    @Test
    void a_groups_overage_is_not_admin_by_group() {
        fixture.reconfigure(tokens.settingsBuilder().adminGroupId(ADMIN_GROUP).build());
        Map<String, Object> claimNames = Map.of("groups", "src1");
        Map<String, Object> claimSources =
                Map.of("src1", Map.of("endpoint", fixture.jwks.authority() + "/v1.0/users/x/getMemberObjects"));

        VerifiedToken overage = verified(fixture.verify(
                sign(tokens.userClaims().claim("_claim_names", claimNames).claim("_claim_sources", claimSources))));
        VerifiedToken overageWithGroups = verified(fixture.verify(
                sign(tokens.userClaims().claim("_claim_names", claimNames).claim("groups", List.of(ADMIN_GROUP)))));

        assertThat(overage.admin()).isFalse();
        assertThat(overageWithGroups.admin()).isFalse();
        // The overage endpoint (here on the loopback JWKS server) is never called.
        assertThat(fixture.jwks.requestCount()).isEqualTo(fixture.jwks.fetchCount());
    }

    @Test
    void a_groups_overage_still_allows_admin_by_role() {
        fixture.reconfigure(tokens.settingsBuilder().adminGroupId(ADMIN_GROUP).build());

        assertThat(verified(fixture.verify(sign(tokens.userClaims()
                                .claim("_claim_names", Map.of("groups", "src1"))
                                .claim("roles", List.of("Registry.Admin")))))
                        .admin())
                .isTrue();
    }

    @Test
    void the_display_name_is_sanitised_and_capped() {
        VerifiedToken identity = verified(fixture.verify(sign(
                tokens.userClaims().claim("name", "  Eve\u0000\u001b[31m\u202e Mallory\u0007 " + "x".repeat(400)))));

        assertThat(identity.displayName()).startsWith("Eve[31m Mallory x").doesNotContain("\u0000", "\u202e");
        assertThat(identity.displayName()
                        .codePointCount(0, identity.displayName().length()))
                .isLessThanOrEqualTo(256);
    }

    @Test
    void the_email_comes_from_preferred_username_then_upn_then_email() {
        assertThat(verified(fixture.verify(sign(tokens.userClaims()
                                .claim("preferred_username", null)
                                .claim("upn", "upn@contoso.example")
                                .claim("email", "mail@contoso.example"))))
                        .email())
                .contains("upn@contoso.example");
        assertThat(verified(fixture.verify(sign(tokens.userClaims()
                                .claim("preferred_username", null)
                                .claim("email", "mail@contoso.example"))))
                        .email())
                .contains("mail@contoso.example");
        assertThat(verified(fixture.verify(sign(tokens.userClaims().claim("preferred_username", "bad\u0000@x"))))
                        .email())
                .isEqualTo(Optional.empty());
    }

    @Test
    void the_verified_email_comes_only_from_claims_entra_vouches_for() {
        assertThat(verified(fixture.verify(sign(tokens.userClaims()
                                .claim("preferred_username", "boss@contoso.example")
                                .claim("upn", "boss@contoso.example")
                                .claim("email", "boss@contoso.example"))))
                        .verifiedEmail())
                .as("preferred_username, upn and an email whose domain nobody vouches for")
                .isEmpty();
        assertThat(verified(fixture.verify(sign(tokens.userClaims()
                                .claim("email", "boss@contoso.example")
                                .claim("xms_edov", false))))
                        .verifiedEmail())
                .isEmpty();
        assertThat(verified(fixture.verify(sign(tokens.userClaims()
                                .claim("email", "boss@contoso.example")
                                .claim("xms_edov", true))))
                        .verifiedEmail())
                .contains("boss@contoso.example");
        assertThat(verified(fixture.verify(sign(tokens.userClaims()
                                .claim("email", "other@contoso.example")
                                .claim("verified_primary_email", List.of("boss@contoso.example")))))
                        .verifiedEmail())
                .contains("boss@contoso.example");
        assertThat(verified(fixture.verify(sign(tokens.userClaims()
                                .claim("email", "bad\u0000@contoso.example")
                                .claim("xms_edov", true))))
                        .verifiedEmail())
                .isEmpty();
    }

    @Test
    void a_name_less_user_is_displayed_by_email() {
        assertThat(verified(fixture.verify(sign(tokens.userClaims().claim("name", "\u0000"))))
                        .displayName())
                .isEqualTo("ada@contoso.example");
    }
}
