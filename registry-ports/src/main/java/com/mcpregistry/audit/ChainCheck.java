package com.mcpregistry.audit;

import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.domain.audit.AuditCheckpoint;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a stored audit chain, fed one {@link ChainLink} at a time oldest first (so that a trail of any length is
 * streamed, never loaded), and against checkpoints taken earlier. The rules, in the order they are checked:
 *
 * <ul>
 *   <li>each checkpoint's signature holds under the key it names;
 *   <li>each event names the hash of the one before it ({@link AuditChain#GENESIS} for the first);
 *   <li>an unkeyed event never follows a keyed one: once the chain has keys, only a holder of a key can extend it;
 *   <li>each event's hash is what its content gives under the key it names, current or previous;
 *   <li>the event at a checkpoint's position is the one it recorded, and the trail holds at least as many events.
 * </ul>
 *
 * Every adapter of the audit trail verifies through this class, so that the rules live in one place.
 */
public final class ChainCheck {

    private final AuditChain chain;
    private final List<AuditCheckpoint> checkpoints;
    private String previousHash = AuditChain.GENESIS;
    private long checked;
    private long unkeyed;
    private boolean keyedSeen;
    private Optional<ChainVerification.Break> broken = Optional.empty();

    public ChainCheck(AuditChain chain, List<AuditCheckpoint> checkpoints) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.checkpoints = List.copyOf(checkpoints);
        for (AuditCheckpoint checkpoint : this.checkpoints) {
            switch (chain.check(checkpoint)) {
                case HOLDS -> {}
                case DOES_NOT_HOLD ->
                    breakAt(
                            Optional.empty(),
                            "the signature of the checkpoint of " + checkpoint.at()
                                    + " does not hold: the statement was"
                                    + " altered, or signed with another secret than the key '" + checkpoint.keyId()
                                    + "' given here");
                case UNKNOWN_KEY ->
                    breakAt(
                            Optional.empty(),
                            "the checkpoint of " + checkpoint.at() + " is signed with the audit key '"
                                    + checkpoint.keyId()
                                    + "', which is not configured here (AUDIT_KEY or AUDIT_KEYS_PREVIOUS)");
            }
        }
    }

    /** Checks the next event of the chain; false once the chain is broken (what follows need not be read). */
    public boolean next(ChainLink link) {
        if (broken.isPresent()) {
            return false;
        }
        checked++;
        Optional<UUID> event = Optional.of(link.event().id());
        String position = "event " + checked + " (" + link.event().id() + ")";
        if (!link.previousHash().equals(previousHash)) {
            return breakAt(
                    event,
                    checked == 1
                            ? position + " does not start the chain: events before it were removed"
                            : position + " does not follow the event before it: events between them were removed,"
                                    + " added or reordered");
        }
        if (link.keyId().isEmpty()) {
            unkeyed++;
            if (keyedSeen) {
                return breakAt(
                        event,
                        position + " is unkeyed but follows keyed events: it was not written by a registry holding"
                                + " the audit key");
            }
        } else {
            keyedSeen = true;
        }
        Optional<String> expected = chain.hashUnder(link.keyId(), link.previousHash(), link.event());
        if (expected.isEmpty()) {
            return breakAt(
                    event,
                    position + " is hashed under the audit key '" + link.keyId().orElseThrow()
                            + "', which is not configured here (AUDIT_KEY or AUDIT_KEYS_PREVIOUS)");
        }
        if (!AuditChain.sameHex(expected.get(), link.hash())) {
            return breakAt(
                    event,
                    position + "'s hash does not match its content"
                            + link.keyId()
                                    .map(id -> " under the audit key '" + id + "': it was altered, or written with"
                                            + " another secret")
                                    .orElse(": it was altered"));
        }
        for (AuditCheckpoint checkpoint : checkpoints) {
            if (checkpoint.events() == checked && !AuditChain.sameHex(checkpoint.head(), link.hash())) {
                return breakAt(
                        event,
                        position + " is not the event the checkpoint of " + checkpoint.at() + " recorded there: the"
                                + " trail up to it was rewritten");
            }
        }
        previousHash = link.hash();
        return true;
    }

    /** The verdict on every event fed so far, taken as the whole trail. */
    public ChainVerification result() {
        if (broken.isEmpty()) {
            for (AuditCheckpoint checkpoint : checkpoints) {
                if (checkpoint.events() > checked) {
                    breakAt(
                            Optional.empty(),
                            "the trail holds " + checked + " events, fewer than the " + checkpoint.events()
                                    + " the checkpoint of " + checkpoint.at() + " recorded: events were removed");
                    break;
                }
            }
        }
        return new ChainVerification(checked, unkeyed, checkpoints.size(), broken);
    }

    private boolean breakAt(Optional<UUID> event, String reason) {
        if (broken.isEmpty()) {
            broken = Optional.of(new ChainVerification.Break(event, reason));
        }
        return false;
    }
}
