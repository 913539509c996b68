package com.mcpregistry.audit.port.in;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.paging.Page;

/** Administrators read the audit trail. */
public interface QueryAuditUseCase {

    /** The events matching the query, with their actors' names and e-mails (administrators see them all). */
    Page<AuditEntry> query(Actor actor, AuditQuery query);
}
