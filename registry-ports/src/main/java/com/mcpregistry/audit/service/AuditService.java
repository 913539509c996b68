package com.mcpregistry.audit.service;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.audit.port.in.QueryAuditUseCase;
import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.domain.error.Forbidden;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.paging.Page;

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
