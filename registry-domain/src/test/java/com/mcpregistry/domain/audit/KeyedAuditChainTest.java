package com.mcpregistry.domain.audit;

import static com.mcpregistry.domain.testing.AuditEventTestData.anAuditEvent;
import static com.mcpregistry.domain.testing.AuditEventTestData.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The keyed chain: HMAC-SHA256 under the current key, verifiable with any known key, and signed checkpoints. */
class KeyedAuditChainTest {

    private static final String PREVIOUS = "ab".repeat(32);
    private static final AuditKey K1 =
            AuditKey.of("k1", "k1-secret-k1-secret-k1-secret-k1".getBytes(StandardCharsets.UTF_8));
    private static final AuditKey K2 =
            AuditKey.of("k2", "k2-secret-k2-secret-k2-secret-k2".getBytes(StandardCharsets.UTF_8));
    private static final AuditEvent EVENT = anAuditEvent()
            .withId(UUID.fromString("11111111-2222-3333-4444-555555555555"))
            .at(Instant.parse("2025-03-01T10:15:30.123456Z"))
            .withAction(AuditAction.ADMIN_GRANTED)
            .build();
    private static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");

    private final AuditChain underK1 = new AuditChain(AuditKeys.of(K1));

    @Test
    void a_keyed_link_names_its_key_and_is_the_hmac_sha256_of_what_the_unkeyed_hash_covers() {
        AuditChain.Link link = underK1.link(PREVIOUS, Optional.empty(), EVENT);

        assertThat(link.keyId()).contains("k1");
        // HMAC-SHA256 under K1 of the text whose SHA-256 is 60df4d9a…: computed independently, fixed so stored chains
        // verify.
        assertThat(link.hash()).isEqualTo("9e1fbd1b3a125498e557638644eafbd36c470d061bbcef644684ca7ef821ad68");
        assertThat(AuditChain.unkeyedHash(PREVIOUS, EVENT))
                .isEqualTo("60df4d9adb4e5aa6af2595cc85a3f83d34f83325d5eb9e7a4b6584310651756c");
    }

    @Test
    void without_a_current_key_a_link_is_unkeyed() {
        AuditChain.Link link = AuditChain.unkeyed().link(PREVIOUS, Optional.empty(), EVENT);

        assertThat(link).isEqualTo(new AuditChain.Link(Optional.empty(), AuditChain.unkeyedHash(PREVIOUS, EVENT)));
    }

    @Test
    void another_secret_gives_another_hash_so_the_chain_cannot_be_rebuilt_without_the_key() {
        AuditKey impostor = AuditKey.of("k1", "not-the-k1-secret-not-the-k1-sec".getBytes(StandardCharsets.UTF_8));

        assertThat(new AuditChain(AuditKeys.of(impostor))
                        .link(PREVIOUS, Optional.empty(), EVENT)
                        .hash())
                .isNotEqualTo(underK1.link(PREVIOUS, Optional.empty(), EVENT).hash());
        assertThat(underK1.link(
                                PREVIOUS,
                                Optional.empty(),
                                from(EVENT).withReason("changed").build())
                        .hash())
                .isNotEqualTo(underK1.link(PREVIOUS, Optional.empty(), EVENT).hash());
    }

    @Test
    void a_hash_is_recomputed_under_the_key_it_names_current_or_previous_and_unkeyed_without_one() {
        AuditChain afterRotation = new AuditChain(AuditKeys.of(Optional.of(K2), List.of(K1)));

        assertThat(afterRotation.hashUnder(Optional.of("k1"), PREVIOUS, EVENT))
                .contains(underK1.link(PREVIOUS, Optional.empty(), EVENT).hash());
        assertThat(afterRotation.link(PREVIOUS, Optional.empty(), EVENT).keyId())
                .contains("k2");
        assertThat(afterRotation.hashUnder(Optional.empty(), PREVIOUS, EVENT))
                .contains(AuditChain.unkeyedHash(PREVIOUS, EVENT));
        assertThat(underK1.hashUnder(Optional.of("k2"), PREVIOUS, EVENT)).isEmpty();
    }

    @Test
    void a_checkpoint_is_signed_with_the_current_key_and_its_signature_holds_until_any_part_changes() {
        AuditCheckpoint checkpoint = underK1.checkpoint(12, PREVIOUS, AT.plusMillis(999));

        assertThat(checkpoint.at()).isEqualTo(AT);
        assertThat(checkpoint.keyId()).isEqualTo("k1");
        assertThat(underK1.check(checkpoint)).isEqualTo(AuditChain.Signature.HOLDS);
        assertThat(underK1.check(new AuditCheckpoint(11, PREVIOUS, AT, "k1", checkpoint.mac())))
                .isEqualTo(AuditChain.Signature.DOES_NOT_HOLD);
        assertThat(underK1.check(new AuditCheckpoint(12, "ac".repeat(32), AT, "k1", checkpoint.mac())))
                .isEqualTo(AuditChain.Signature.DOES_NOT_HOLD);
        assertThat(underK1.check(new AuditCheckpoint(12, PREVIOUS, AT.plusSeconds(1), "k1", checkpoint.mac())))
                .isEqualTo(AuditChain.Signature.DOES_NOT_HOLD);
        assertThat(new AuditChain(AuditKeys.of(K2)).check(checkpoint)).isEqualTo(AuditChain.Signature.UNKNOWN_KEY);
    }

    @Test
    void a_checkpoint_needs_a_current_key() {
        assertThatThrownBy(() -> AuditChain.unkeyed().checkpoint(1, PREVIOUS, AT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AUDIT_KEY");
    }

    @Test
    void checkpoint_statements_are_found_in_any_text_that_holds_them() {
        AuditCheckpoint first = underK1.checkpoint(3, PREVIOUS, AT);
        AuditCheckpoint second = underK1.checkpoint(5, "cd".repeat(32), AT.plusSeconds(3600));
        String log = "{\"@timestamp\":\"…\",\"message\":\"audit checkpoint " + first.statement() + "\"}\n"
                + "2025-06-01 11:00:00 INFO audit checkpoint " + second + "\n";

        assertThat(AuditCheckpoint.findIn(first.statement())).containsExactly(first);
        assertThat(AuditCheckpoint.findIn(log)).containsExactly(first, second);
        assertThat(AuditCheckpoint.findIn("nothing here")).isEmpty();
        assertThat(first.statement()).doesNotContain(" ").startsWith("mcp-registry-audit-checkpoint;v=1;events=3;");
    }

    @Test
    void a_chain_without_a_key_refuses_to_link_an_event_after_a_keyed_one() {
        assertThatThrownBy(() -> AuditChain.unkeyed().link(PREVIOUS, Optional.of("k1"), EVENT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'k1'")
                .hasMessageContaining("AUDIT_KEY");
        assertThat(underK1.link(PREVIOUS, Optional.of("k0"), EVENT).keyId()).contains("k1");
    }
}
