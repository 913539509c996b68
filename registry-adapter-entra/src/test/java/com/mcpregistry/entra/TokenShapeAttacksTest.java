package com.mcpregistry.entra;

import static com.mcpregistry.entra.VerifierFixture.ATTACKER_KEY;
import static com.mcpregistry.entra.VerifierFixture.KEY;
import static com.mcpregistry.entra.VerifierFixture.invalidReason;
import static com.mcpregistry.entra.VerifierFixture.verified;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.entra.testing.LocalJwks;
import com.mcpregistry.entra.testing.TestTokens;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tokens whose header, encoding or signature is wrong: every one is refused, and no key is fetched from them. */
class TokenShapeAttacksTest {

    private final VerifierFixture fixture = new VerifierFixture();
    private final TestTokens tokens = fixture.tokens;

    @AfterEach
    void close() {
        fixture.close();
    }

    private String validToken() {
        return tokens.sign(tokens.userClaims().build());
    }

    private static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Test
    void a_valid_token_is_verified() {
        verified(fixture.verify(validToken()));
    }

    @Test
    void alg_none_without_a_signature_is_refused() {
        String[] parts = validToken().split("\\.");
        String header = b64("{\"alg\":\"none\",\"kid\":\"" + KEY.getKeyID() + "\",\"typ\":\"JWT\"}");

        assertThat(invalidReason(fixture.verify(header + "." + parts[1] + "."))).isEqualTo("malformed token");
    }

    @Test
    void alg_none_with_a_copied_signature_is_refused() {
        String[] parts = validToken().split("\\.");
        String header = b64("{\"alg\":\"none\",\"kid\":\"" + KEY.getKeyID() + "\",\"typ\":\"JWT\"}");

        invalidReason(fixture.verify(header + "." + parts[1] + "." + parts[2]));
    }

    @Test
    void hs256_signed_with_the_rsa_public_key_bytes_is_refused() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(JOSEObjectType.JWT)
                .keyID(KEY.getKeyID())
                .build();
        JWSObject jws =
                new JWSObject(header, new Payload(tokens.userClaims().build().toJSONObject()));
        jws.sign(new MACSigner(KEY.toRSAPublicKey().getEncoded()));

        assertThat(invalidReason(fixture.verify(jws.serialize()))).isEqualTo("alg must be RS256");
        assertThat(fixture.jwks.fetchCount()).isZero();
    }

    @Test
    void rs512_with_the_right_key_is_refused() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS512)
                .type(JOSEObjectType.JWT)
                .keyID(KEY.getKeyID())
                .build();

        assertThat(invalidReason(
                        fixture.verify(tokens.sign(header, tokens.userClaims().build()))))
                .isEqualTo("alg must be RS256");
    }

    @Test
    void ps256_with_the_right_key_is_refused() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.PS256)
                .type(JOSEObjectType.JWT)
                .keyID(KEY.getKeyID())
                .build();

        assertThat(invalidReason(
                        fixture.verify(tokens.sign(header, tokens.userClaims().build()))))
                .isEqualTo("alg must be RS256");
    }

    @Test
    void a_token_without_kid_is_refused() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .build();

        assertThat(invalidReason(
                        fixture.verify(tokens.sign(header, tokens.userClaims().build()))))
                .isEqualTo("kid is required");
    }

    @Test
    void a_token_without_typ_is_refused() {
        JWSHeader header =
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build();

        assertThat(invalidReason(
                        fixture.verify(tokens.sign(header, tokens.userClaims().build()))))
                .isEqualTo("typ must be JWT");
    }

    @Test
    void a_token_of_another_typ_is_refused() {
        JWSHeader header = tokens.header().type(new JOSEObjectType("at+jwt")).build();

        assertThat(invalidReason(
                        fixture.verify(tokens.sign(header, tokens.userClaims().build()))))
                .isEqualTo("typ must be JWT");
    }

    @Test
    void a_critical_header_is_refused() {
        JWSHeader header = tokens.header()
                .criticalParams(Set.of("urn:example:must-understand"))
                .customParam("urn:example:must-understand", true)
                .build();

        assertThat(invalidReason(
                        fixture.verify(tokens.sign(header, tokens.userClaims().build()))))
                .isEqualTo("unsupported critical header");
    }

    @Test
    void a_jku_header_is_never_followed() {
        try (LocalJwks attacker = LocalJwks.start(tokens.tenantId()).publish(ATTACKER_KEY)) {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(JOSEObjectType.JWT)
                    .keyID(ATTACKER_KEY.getKeyID())
                    .jwkURL(attacker.jwksUri())
                    .build();

            invalidReason(fixture.verify(
                    TestTokens.sign(ATTACKER_KEY, header, tokens.userClaims().build())));

            assertThat(attacker.requestCount()).isZero();
        }
    }

    @Test
    void a_jku_header_with_the_legitimate_kid_is_never_followed() {
        try (LocalJwks attacker = LocalJwks.start(tokens.tenantId()).publish(ATTACKER_KEY)) {
            JWSHeader header = tokens.header().jwkURL(attacker.jwksUri()).build();

            invalidReason(fixture.verify(
                    TestTokens.sign(ATTACKER_KEY, header, tokens.userClaims().build())));

            assertThat(attacker.requestCount()).isZero();
        }
    }

    @Test
    void an_x5u_header_is_never_followed() {
        try (LocalJwks attacker = LocalJwks.start(tokens.tenantId())) {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(JOSEObjectType.JWT)
                    .keyID(ATTACKER_KEY.getKeyID())
                    .x509CertURL(URI.create(attacker.authority() + "/cert.pem"))
                    .build();

            invalidReason(fixture.verify(
                    TestTokens.sign(ATTACKER_KEY, header, tokens.userClaims().build())));

            assertThat(attacker.requestCount()).isZero();
        }
    }

    @Test
    void an_embedded_jwk_is_never_trusted() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(ATTACKER_KEY.getKeyID())
                .jwk(ATTACKER_KEY.toPublicJWK())
                .build();

        assertThat(invalidReason(fixture.verify(TestTokens.sign(
                        ATTACKER_KEY, header, tokens.userClaims().build()))))
                .isEqualTo("keys named or embedded in the header are not accepted");
    }

    @Test
    void an_embedded_certificate_chain_is_never_trusted() {
        JWSHeader header = tokens.header()
                .x509CertChain(List.of(Base64.encode("not really a certificate")))
                .build();

        invalidReason(fixture.verify(
                TestTokens.sign(ATTACKER_KEY, header, tokens.userClaims().build())));
    }

    @Test
    void a_token_signed_by_another_key_under_the_legitimate_kid_is_refused() {
        String forged = TestTokens.sign(
                ATTACKER_KEY, tokens.header().build(), tokens.userClaims().build());

        assertThat(invalidReason(fixture.verify(forged))).contains("Invalid signature");
    }

    @Test
    void a_tampered_payload_is_refused() {
        String[] parts = validToken().split("\\.");
        JWTClaimsSet changed =
                tokens.userClaims().claim("roles", List.of("Registry.Admin")).build();
        String tampered = parts[0] + "." + b64(changed.toString()) + "." + parts[2];

        assertThat(invalidReason(fixture.verify(tampered))).contains("Invalid signature");
    }

    @Test
    void a_tampered_signature_is_refused() {
        String token = validToken();
        int middle = token.lastIndexOf('.') + 40;
        char flipped = token.charAt(middle) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, middle) + flipped + token.substring(middle + 1);

        assertThat(invalidReason(fixture.verify(tampered))).contains("Invalid signature");
    }

    @Test
    void malformed_base64_is_refused() {
        String[] parts = validToken().split("\\.");

        assertThat(invalidReason(fixture.verify(parts[0] + "." + parts[1] + "!." + parts[2])))
                .isEqualTo("malformed token");
        assertThat(invalidReason(fixture.verify("e30." + parts[1] + "." + parts[2])))
                .isEqualTo("malformed token");
        // Trailing bits that do not make a byte: whatever the decoder makes of it, the token is refused.
        invalidReason(fixture.verify(parts[0] + "x." + parts[1] + "." + parts[2]));
        invalidReason(fixture.verify(parts[0] + "." + parts[1] + "x." + parts[2]));
        invalidReason(fixture.verify(parts[0] + "." + parts[1] + "." + parts[2] + "x"));
    }

    @Test
    void a_token_of_two_segments_is_refused() {
        String[] parts = validToken().split("\\.");

        assertThat(invalidReason(fixture.verify(parts[0] + "." + parts[1]))).isEqualTo("malformed token");
    }

    @Test
    void a_token_of_five_segments_is_refused() {
        assertThat(invalidReason(fixture.verify("a.b.c.d.e"))).isEqualTo("malformed token");
    }

    @Test
    void garbage_is_refused() {
        assertThat(invalidReason(fixture.verify("not a token at all"))).isEqualTo("malformed token");
        assertThat(invalidReason(fixture.verify("Bearer " + validToken()))).isEqualTo("malformed token");
        assertThat(invalidReason(fixture.verify("..."))).isEqualTo("malformed token");
        assertThat(invalidReason(fixture.verify("\u0000.\u0000.\u0000"))).isEqualTo("malformed token");
    }

    @Test
    void no_token_is_refused() {
        assertThat(invalidReason(fixture.verify(null))).isEqualTo("no token");
        assertThat(invalidReason(fixture.verify(""))).isEqualTo("no token");
    }

    @Test
    void a_100_kb_token_is_refused_before_any_work() {
        String huge = tokens.sign(
                tokens.userClaims().claim("junk", "x".repeat(100 * 1024)).build());

        assertThat(invalidReason(fixture.verify(huge))).isEqualTo("token too large");
        assertThat(fixture.jwks.fetchCount()).isZero();
    }

    @Test
    void a_payload_that_is_not_a_json_object_is_refused() throws Exception {
        JWSObject jws = new JWSObject(tokens.header().build(), new Payload("[1,2,3]"));
        jws.sign(new RSASSASigner(KEY));

        assertThat(invalidReason(fixture.verify(jws.serialize()))).isEqualTo("malformed claims");
    }

    @Test
    void a_deeply_nested_payload_is_refused_without_failing() throws Exception {
        String nested = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        JWSObject jws = new JWSObject(tokens.header().build(), new Payload(nested));
        jws.sign(new RSASSASigner(KEY));

        invalidReason(fixture.verify(jws.serialize()));
    }
}
