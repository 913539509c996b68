package com.mcpregistry.service;

import com.mcpregistry.domain.error.Forbidden;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.port.Page;
import com.mcpregistry.port.in.QueryAuditUseCase;
import com.mcpregistry.port.out.AuditEntry;
import com.mcpregistry.port.out.AuditQuery;
import com.mcpregistry.port.out.AuditTrail;
import com.mcpregistry.port.out.ChainVerification;

/** Reading and verifying the audit trail. */
public final class AuditService implements QueryAuditUseCase {

    private final AuditTrail auditTrail;

    public AuditService(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    @Override
    public Page<AuditEntry> query(Actor actor, AuditQuery query) {
        if (!actor.admin()) {
            throw new Forbidden("only administrators read the audit trail");
        }
        return auditTrail.find(query);
    }

    @Override
    public ChainVerification verifyChain() {
        return auditTrail.verify();
    }
}
