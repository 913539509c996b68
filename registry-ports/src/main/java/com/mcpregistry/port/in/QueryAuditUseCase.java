package com.mcpregistry.port.in;

import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.port.Page;
import com.mcpregistry.port.out.AuditQuery;
import com.mcpregistry.port.out.ChainVerification;

/** Administrators read the audit trail and check that nobody tampered with it. */
public interface QueryAuditUseCase {

    Page<AuditEvent> query(Actor actor, AuditQuery query);

    /** Recomputes the hash chain; run by operators from the command line. */
    ChainVerification verifyChain();
}
