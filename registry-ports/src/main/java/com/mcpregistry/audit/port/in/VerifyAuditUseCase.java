package com.mcpregistry.audit.port.in;

import com.mcpregistry.audit.AuditHead;
import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.domain.audit.AuditCheckpoint;
import java.util.List;
import java.util.Optional;

/** Operators check that nobody tampered with the audit trail, and anchor its head outside the database. */
public interface VerifyAuditUseCase {

    /** Recomputes the hash chain and checks it against checkpoints taken earlier; run from the command line. */
    ChainVerification verifyChain(List<AuditCheckpoint> checkpoints);

    /** The trail's head now, signed with the current audit key; empty when the trail has no key to sign with. */
    Optional<AuditCheckpoint> checkpoint();

    /** How many events the trail holds now, and its newest hash. */
    AuditHead head();
}
