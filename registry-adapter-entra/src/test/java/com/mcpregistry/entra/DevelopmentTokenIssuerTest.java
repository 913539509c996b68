package com.mcpregistry.entra;

import static com.mcpregistry.entra.VerifierFixture.invalidReason;
import static com.mcpregistry.entra.VerifierFixture.verified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.testing.TestClock;
import com.mcpregistry.entra.DevelopmentTokenIssuer.IssuedToken;
import com.mcpregistry.identity.VerifiedToken;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Development tokens look like Entra v2 tokens and pass the very same verifier; the key survives restarts. */
class DevelopmentTokenIssuerTest {

    private final TestClock clock = TestClock.atSecond();

    @TempDir
    Path directory;

    private DevelopmentTokenIssuer issuer() {
        return DevelopmentTokenIssuer.loadOrCreate(
                directory, DevelopmentTokenIssuer.AUTHORITY, DevelopmentTokenIssuer.DEFAULT_LIFETIME, clock);
    }

    private static EntraAccessTokenVerifier verifierOf(DevelopmentTokenIssuer issuer, TestClock clock) {
        return EntraAccessTokenVerifier.withKeys(issuer.verifierSettings(), issuer.keySource(), clock);
    }

    @Test
    void a_user_token_is_verified_by_the_entra_verifier() {
        DevelopmentTokenIssuer issuer = issuer();
        DevelopmentUser user = DevelopmentUser.defaultUser();

        IssuedToken token = issuer.issue(user);
        VerifiedToken identity = verified(verifierOf(issuer, clock).verify(token.accessToken()));

        assertThat(identity.identity().tenantId()).isEqualTo(DevelopmentTokenIssuer.TENANT_ID);
        assertThat(identity.identity().objectId()).isEqualTo(user.objectId());
        assertThat(identity.displayName()).isEqualTo("Dev User");
        assertThat(identity.email()).contains("dev.user@registry-dev.invalid");
        assertThat(identity.scopes()).containsExactly(DevelopmentTokenIssuer.SCOPE);
        assertThat(identity.roles()).isEmpty();
        assertThat(identity.admin()).isFalse();
        assertThat(token.expiresIn()).isEqualTo(Duration.ofHours(12));
        assertThat(identity.expiresAt())
                .isEqualTo(token.expiresAt())
                .isEqualTo(clock.instant().plus(Duration.ofHours(12)));
    }

    @Test
    void an_admin_token_carries_the_admin_role() {
        DevelopmentTokenIssuer issuer = issuer();

        VerifiedToken admin = verified(verifierOf(issuer, clock)
                .verify(issuer.issue(DevelopmentUser.defaultAdmin()).accessToken()));

        assertThat(admin.admin()).isTrue();
        assertThat(admin.roles()).containsExactly(EntraSettings.DEFAULT_ADMIN_ROLE);
    }

    @Test
    void a_service_principal_token_is_an_app_only_token_the_verifier_accepts() throws Exception {
        DevelopmentTokenIssuer issuer = issuer();
        DevelopmentServicePrincipal pipeline = DevelopmentServicePrincipal.named("contoso-ci", false);

        String token = issuer.issue(pipeline).accessToken();
        VerifiedToken identity = verified(verifierOf(issuer, clock).verify(token));

        assertThat(identity.identity().objectId()).isEqualTo(pipeline.objectId());
        assertThat(identity.displayName()).isEqualTo("contoso-ci");
        assertThat(identity.email()).isEmpty();
        assertThat(identity.scopes()).isEmpty();
        assertThat(identity.roles()).containsExactly(EntraSettings.DEFAULT_PUBLISH_ROLE);
        assertThat(identity.admin()).isFalse();
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getClaims())
                .containsEntry("idtyp", "app")
                .containsEntry("sub", pipeline.objectId())
                .containsEntry("azp", pipeline.applicationId())
                .doesNotContainKeys("scp", "name", "preferred_username", "email");
    }

    @Test
    void an_admin_service_principal_carries_the_admin_role_too() {
        DevelopmentTokenIssuer issuer = issuer();

        VerifiedToken admin = verified(verifierOf(issuer, clock)
                .verify(issuer.issue(DevelopmentServicePrincipal.named("release-bot", true))
                        .accessToken()));

        assertThat(admin.admin()).isTrue();
        assertThat(admin.roles())
                .containsExactlyInAnyOrder(EntraSettings.DEFAULT_PUBLISH_ROLE, EntraSettings.DEFAULT_ADMIN_ROLE);
    }

    @Test
    void named_service_principals_keep_their_ids() {
        DevelopmentServicePrincipal first = DevelopmentServicePrincipal.named("contoso-ci", false);

        assertThat(DevelopmentServicePrincipal.named("contoso-ci", true)).satisfies(again -> {
            assertThat(again.objectId()).isEqualTo(first.objectId());
            assertThat(again.applicationId()).isEqualTo(first.applicationId());
        });
        assertThat(first.objectId())
                .isNotEqualTo(first.applicationId())
                .isNotEqualTo(
                        DevelopmentServicePrincipal.named("other-ci", false).objectId())
                .isNotEqualTo(DevelopmentUser.named("contoso-ci", "contoso-ci@example.test", false)
                        .objectId());
    }

    @Test
    void tokens_have_the_header_and_claims_of_entra_v2_access_tokens() throws Exception {
        DevelopmentTokenIssuer issuer = issuer();

        SignedJWT jwt =
                SignedJWT.parse(issuer.issue(DevelopmentUser.defaultUser()).accessToken());

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jwt.getHeader().getKeyID())
                .isEqualTo(issuer.publicKeys().getKeys().get(0).getKeyID());
        assertThat(jwt.getJWTClaimsSet().getIssuer())
                .isEqualTo(DevelopmentTokenIssuer.AUTHORITY + "/" + DevelopmentTokenIssuer.TENANT_ID + "/v2.0");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(DevelopmentTokenIssuer.CLIENT_ID);
        assertThat(jwt.getJWTClaimsSet().getClaims())
                .containsEntry("ver", "2.0")
                .containsEntry("tid", DevelopmentTokenIssuer.TENANT_ID)
                .containsKeys("oid", "sub", "name", "preferred_username", "scp", "iat", "nbf", "exp");
    }

    @Test
    void tokens_expire_after_their_lifetime() {
        DevelopmentTokenIssuer issuer = DevelopmentTokenIssuer.loadOrCreate(
                directory, DevelopmentTokenIssuer.AUTHORITY, Duration.ofMinutes(5), clock);
        String token = issuer.issue(DevelopmentUser.defaultUser()).accessToken();
        EntraAccessTokenVerifier verifier = verifierOf(issuer, clock);

        clock.advance(Duration.ofMinutes(6));

        invalidReason(verifier.verify(token));
    }

    @Test
    void the_key_pair_survives_a_restart() throws Exception {
        DevelopmentTokenIssuer before = issuer();
        String token = before.issue(DevelopmentUser.defaultUser()).accessToken();

        DevelopmentTokenIssuer after = issuer();

        assertThat(after.publicKeys().toJSONObject())
                .isEqualTo(before.publicKeys().toJSONObject());
        verified(verifierOf(after, clock).verify(token));
        Path keyFile = directory.resolve(DevelopmentTokenIssuer.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(keyFile);
        }
    }

    @Test
    void another_directory_means_another_key() {
        String token = issuer().issue(DevelopmentUser.defaultUser()).accessToken();

        DevelopmentTokenIssuer other = DevelopmentTokenIssuer.ephemeral(clock);

        invalidReason(verifierOf(other, clock).verify(token));
    }

    @Test
    void a_corrupt_key_file_stops_start_up_with_a_clear_error() throws Exception {
        Files.writeString(directory.resolve(DevelopmentTokenIssuer.KEY_FILE), "{\"kty\":\"oct\"");

        assertThatThrownBy(this::issuer)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("development signing key");
    }

    @Test
    void a_public_key_alone_is_not_accepted_as_the_signing_key() throws Exception {
        DevelopmentTokenIssuer issuer = DevelopmentTokenIssuer.ephemeral(clock);
        Files.writeString(
                directory.resolve(DevelopmentTokenIssuer.KEY_FILE),
                issuer.publicKeys().getKeys().get(0).toJSONString());

        assertThatThrownBy(this::issuer).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void a_development_token_is_refused_by_a_verifier_of_a_real_tenant() {
        try (VerifierFixture tenant = new VerifierFixture()) {
            String token = issuer().issue(DevelopmentUser.defaultAdmin()).accessToken();

            invalidReason(tenant.verify(token));
        }
    }

    @Test
    void a_development_token_is_refused_by_a_verifier_with_the_development_settings_but_other_keys() {
        DevelopmentTokenIssuer issuer = issuer();
        EntraAccessTokenVerifier otherKeys = EntraAccessTokenVerifier.withKeys(
                issuer.verifierSettings(),
                DevelopmentTokenIssuer.ephemeral(clock).keySource(),
                clock);

        invalidReason(
                otherKeys.verify(issuer.issue(DevelopmentUser.defaultAdmin()).accessToken()));
    }

    @Test
    void named_users_keep_their_object_id() {
        assertThat(DevelopmentUser.named("Grace", "grace@example.test", false).objectId())
                .isEqualTo(DevelopmentUser.named("Grace H.", "grace@example.test", true)
                        .objectId())
                .isNotEqualTo(DevelopmentUser.named("Grace", "other@example.test", false)
                        .objectId());
    }
}
