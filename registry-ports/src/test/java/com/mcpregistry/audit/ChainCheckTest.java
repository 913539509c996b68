package com.mcpregistry.audit;

import static com.mcpregistry.domain.testing.AuditEventTestData.anAuditEvent;
import static com.mcpregistry.domain.testing.AuditEventTestData.from;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.domain.audit.AuditCheckpoint;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.audit.AuditKey;
import com.mcpregistry.domain.audit.AuditKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules every audit trail verifies by: a keyed chain, rotation, unkeyed events of old, and checkpoints. */
class ChainCheckTest {

    private static final AuditKey K1 = AuditKey.random("k1");
    private static final AuditKey K2 = AuditKey.random("k2");
    private static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");

    private final AuditChain underK1 = new AuditChain(AuditKeys.of(K1));

    /** {@code count} events appended with {@code chain} after {@code before}: as a trail stores them. */
    private static List<ChainLink> appended(AuditChain chain, List<ChainLink> before, int count) {
        List<ChainLink> links = new ArrayList<>(before);
        for (int i = 0; i < count; i++) {
            String previous = links.isEmpty()
                    ? AuditChain.GENESIS
                    : links.get(links.size() - 1).hash();
            AuditEvent event = anAuditEvent()
                    .withAction(AuditAction.SUBMIT)
                    .withReason("event " + links.size())
                    .build();
            // As a writer would that ignores the rule that an unkeyed event never follows a keyed one.
            AuditChain.Link link = chain.link(previous, Optional.empty(), event);
            links.add(new ChainLink(event, previous, link.keyId(), link.hash()));
        }
        return links;
    }

    private static ChainVerification verify(AuditChain chain, List<ChainLink> links, AuditCheckpoint... checkpoints) {
        ChainCheck check = new ChainCheck(chain, List.of(checkpoints));
        for (ChainLink link : links) {
            if (!check.next(link)) {
                break;
            }
        }
        return check.result();
    }

    private static AuditCheckpoint checkpointOf(AuditChain chain, List<ChainLink> links) {
        return chain.checkpoint(links.size(), links.get(links.size() - 1).hash(), AT);
    }

    private static String reason(ChainVerification verification) {
        return verification.broken().orElseThrow().reason();
    }

    @Test
    void a_keyed_chain_verifies_with_its_key() {
        List<ChainLink> links = appended(underK1, List.of(), 5);

        ChainVerification verification = verify(underK1, links);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.eventsChecked()).isEqualTo(5);
        assertThat(verification.unkeyedEvents()).isZero();
        assertThat(links).allMatch(link -> link.keyId().equals(Optional.of("k1")));
    }

    @Test
    void unkeyed_events_of_old_verify_and_the_first_keyed_event_chains_on_the_last_unkeyed_hash() {
        List<ChainLink> old = appended(AuditChain.unkeyed(), List.of(), 3);
        List<ChainLink> links = appended(underK1, old, 2);

        ChainVerification verification = verify(underK1, links);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.unkeyedEvents()).isEqualTo(3);
        assertThat(links.get(3).previousHash()).isEqualTo(old.get(2).hash());
        assertThat(verify(AuditChain.unkeyed(), old).intact()).isTrue();
    }

    @Test
    void after_rotation_events_under_the_previous_key_verify_when_it_is_configured_and_not_otherwise() {
        List<ChainLink> underOld = appended(underK1, List.of(), 2);
        AuditChain rotated = new AuditChain(AuditKeys.of(Optional.of(K2), List.of(K1)));
        List<ChainLink> links = appended(rotated, underOld, 2);

        assertThat(links.get(3).keyId()).contains("k2");
        assertThat(verify(rotated, links).intact()).isTrue();
        ChainVerification withoutPrevious = verify(new AuditChain(AuditKeys.of(K2)), links);
        assertThat(withoutPrevious.firstBrokenEvent())
                .contains(links.get(0).event().id());
        assertThat(reason(withoutPrevious))
                .contains("audit key 'k1', which is not configured here (AUDIT_KEY or AUDIT_KEYS_PREVIOUS)");
    }

    @Test
    void a_chain_rebuilt_with_another_secret_under_the_same_key_id_is_detected_at_its_first_event() {
        List<ChainLink> links = appended(underK1, List.of(), 3);
        AuditChain forger = new AuditChain(AuditKeys.of(AuditKey.random("k1")));
        List<ChainLink> rebuilt = appended(forger, List.of(), 0);
        for (ChainLink link : links) {
            String previous = rebuilt.isEmpty()
                    ? AuditChain.GENESIS
                    : rebuilt.get(rebuilt.size() - 1).hash();
            AuditEvent altered = from(link.event()).withReason("rewritten").build();
            AuditChain.Link forged = forger.link(previous, Optional.empty(), altered);
            rebuilt.add(new ChainLink(altered, previous, forged.keyId(), forged.hash()));
        }

        ChainVerification verification = verify(underK1, rebuilt);

        assertThat(verify(forger, rebuilt).intact())
                .as("consistent under the forger's own key")
                .isTrue();
        assertThat(verification.firstBrokenEvent())
                .contains(rebuilt.get(0).event().id());
        assertThat(reason(verification)).contains("does not match its content under the audit key 'k1'");
    }

    @Test
    void unkeyed_events_appended_after_keyed_ones_are_detected() {
        List<ChainLink> keyed = appended(underK1, List.of(), 3);
        // What someone who may only INSERT, or who rebuilt the newest events without the key, can write.
        List<ChainLink> links = appended(AuditChain.unkeyed(), keyed, 1);

        ChainVerification verification = verify(underK1, links);

        assertThat(verification.firstBrokenEvent())
                .contains(links.get(3).event().id());
        assertThat(reason(verification)).contains("is unkeyed but follows keyed events");
    }

    @Test
    void a_whole_chain_rebuilt_unkeyed_is_detected_by_a_checkpoint_taken_before() {
        List<ChainLink> links = appended(underK1, List.of(), 4);
        AuditCheckpoint checkpoint = checkpointOf(underK1, links);
        List<ChainLink> rebuilt = appended(AuditChain.unkeyed(), List.of(), 3);

        assertThat(verify(underK1, rebuilt).intact())
                .as("an all-unkeyed chain alone looks like an old one")
                .isTrue();
        ChainVerification verification = verify(underK1, rebuilt, checkpoint);
        assertThat(verification.intact()).isFalse();
        assertThat(reason(verification)).contains("holds 3 events, fewer than the 4 the checkpoint of " + AT);
    }

    @Test
    void deleting_the_newest_events_is_detected_by_a_checkpoint_that_counted_them() {
        List<ChainLink> links = appended(underK1, List.of(), 6);
        AuditCheckpoint checkpoint = checkpointOf(underK1, links);

        ChainVerification truncated = verify(underK1, links.subList(0, 4), checkpoint);

        assertThat(verify(underK1, links.subList(0, 4)).intact())
                .as("without the checkpoint")
                .isTrue();
        assertThat(truncated.intact()).isFalse();
        assertThat(truncated.firstBrokenEvent()).isEmpty();
        assertThat(reason(truncated))
                .contains("the trail holds 4 events, fewer than the 6")
                .contains("were removed");
    }

    @Test
    void a_trail_that_grew_after_its_checkpoint_verifies_against_it() {
        List<ChainLink> links = appended(underK1, List.of(), 3);
        AuditCheckpoint checkpoint = checkpointOf(underK1, links);

        ChainVerification verification = verify(underK1, appended(underK1, links, 3), checkpoint);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.checkpointsChecked()).isEqualTo(1);
    }

    @Test
    void replacing_the_newest_events_after_a_checkpoint_position_with_as_many_new_ones_is_detected() {
        List<ChainLink> links = appended(underK1, List.of(), 4);
        AuditCheckpoint checkpoint = checkpointOf(underK1, links);
        // Someone holding the key rebuilds the last two events: the count matches, the head does not.
        List<ChainLink> rebuilt = appended(underK1, links.subList(0, 2), 2);

        ChainVerification verification = verify(underK1, rebuilt, checkpoint);

        assertThat(verification.firstBrokenEvent())
                .contains(rebuilt.get(3).event().id());
        assertThat(reason(verification)).contains("is not the event the checkpoint of " + AT + " recorded there");
    }

    @Test
    void a_checkpoint_whose_statement_was_altered_or_signed_with_an_unknown_key_fails_verification() {
        List<ChainLink> links = appended(underK1, List.of(), 4);
        AuditCheckpoint honest = checkpointOf(underK1, links);
        AuditCheckpoint lowered = new AuditCheckpoint(2, links.get(1).hash(), AT, "k1", honest.mac());
        AuditCheckpoint foreign = checkpointOf(new AuditChain(AuditKeys.of(K2)), links);

        assertThat(reason(verify(underK1, links, lowered)))
                .contains("signature of the checkpoint")
                .contains("does not hold");
        assertThat(reason(verify(underK1, links, foreign)))
                .contains("signed with the audit key 'k2', which is not configured");
    }

    @Test
    void a_removed_first_event_and_a_removed_middle_event_are_named() {
        List<ChainLink> links = appended(underK1, List.of(), 4);
        List<ChainLink> withoutFirst = links.subList(1, 4);
        List<ChainLink> withoutSecond = new ArrayList<>(links);
        withoutSecond.remove(1);

        assertThat(reason(verify(underK1, withoutFirst))).contains("does not start the chain");
        ChainVerification middle = verify(underK1, withoutSecond);
        assertThat(middle.firstBrokenEvent()).contains(links.get(2).event().id());
        assertThat(reason(middle)).contains("event 2 (").contains("does not follow the event before it");
    }
}
