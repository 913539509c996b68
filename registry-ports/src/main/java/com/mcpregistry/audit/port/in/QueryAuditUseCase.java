package com.mcpregistry.audit.port.in;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.paging.Page;

/** Administrators read the audit trail and check that nobody tampered with it. */
public interface QueryAuditUseCase {

    /** The events matching the query, with their actors' names and e-mails (administrators see them all). */
    Page<AuditEntry> query(Actor actor, AuditQuery query);

    /** Recomputes the hash chain; run by operators from the command line. */
    ChainVerification verifyChain();
}
