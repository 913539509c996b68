package com.mcpregistry.port.in;

import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.port.Page;
import com.mcpregistry.port.out.AuditEntry;
import com.mcpregistry.port.out.AuditQuery;
import com.mcpregistry.port.out.ChainVerification;

/** Administrators read the audit trail and check that nobody tampered with it. */
public interface QueryAuditUseCase {

    /** The events matching the query, with their actors' names and e-mails (administrators see them all). */
    Page<AuditEntry> query(Actor actor, AuditQuery query);

    /** Recomputes the hash chain; run by operators from the command line. */
    ChainVerification verifyChain();
}
