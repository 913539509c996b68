package com.mcpregistry.audit.service;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditHead;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.audit.port.in.QueryAuditUseCase;
import com.mcpregistry.audit.port.in.VerifyAuditUseCase;
import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.domain.audit.AuditCheckpoint;
import com.mcpregistry.domain.error.Forbidden;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.paging.Page;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Reading, verifying and checkpointing the audit trail. */
public final class AuditService implements QueryAuditUseCase, VerifyAuditUseCase {

    private final AuditTrail auditTrail;
    private final Clock clock;

    public AuditService(AuditTrail auditTrail, Clock clock) {
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Override
    public Page<AuditEntry> query(Actor actor, AuditQuery query) {
        if (!actor.admin()) {
            throw new Forbidden("only administrators read the audit trail");
        }
        return auditTrail.find(query);
    }

    @Override
    public ChainVerification verifyChain(List<AuditCheckpoint> checkpoints) {
        return auditTrail.verify(checkpoints);
    }

    @Override
    public Optional<AuditCheckpoint> checkpoint() {
        if (auditTrail.chain().keys().current().isEmpty()) {
            return Optional.empty();
        }
        AuditHead head = auditTrail.head();
        return Optional.of(auditTrail.chain().checkpoint(head.events(), head.hash(), clock.instant()));
    }

    @Override
    public AuditHead head() {
        return auditTrail.head();
    }
}
