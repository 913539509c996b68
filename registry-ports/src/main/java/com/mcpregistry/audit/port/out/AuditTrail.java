package com.mcpregistry.audit.port.out;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditHead;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.audit.ChainCheck;
import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.domain.audit.AuditCheckpoint;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.paging.Page;
import java.util.List;
import java.util.Optional;

/**
 * The append-only record of every change. Each appended event is chained by hash to the one before it, under the
 * current audit key of its {@link #chain()}, so that an altered or removed event is detected by {@link #verify}.
 */
public interface AuditTrail {

    /** Appends {@code event} after the newest one; appends are serialised, so the chain stays linear. */
    void append(AuditEvent event);

    /** Events matching the query, newest first, each with its actor's profile. */
    Page<AuditEntry> find(AuditQuery query);

    /** Every event of one registration, oldest first, each with its actor's profile. */
    List<AuditEntry> history(RegistrationId registration);

    /** Recomputes the chain over all events, oldest first, and checks it against {@code checkpoints} (a {@link ChainCheck}). */
    ChainVerification verify(List<AuditCheckpoint> checkpoints);

    /** Recomputes the chain over all events. */
    default ChainVerification verify() {
        return verify(List.of());
    }

    /** How many events the trail holds and its newest event's hash, read at one moment; counts every event. */
    AuditHead head();

    /** The newest event's link (its key and hash), without counting; empty when the trail holds no event. */
    Optional<AuditChain.Link> newest();

    /** The chain this trail hashes with: its keys. */
    AuditChain chain();
}
