package com.mcpregistry.audit.port.out;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.paging.Page;
import java.util.List;

/**
 * The append-only record of every change. Each appended event is chained by hash to the one before it, so that
 * an altered or removed event is detected by {@link #verify()}.
 */
public interface AuditTrail {

    void append(AuditEvent event);

    /** Events matching the query, newest first, each with its actor's profile. */
    Page<AuditEntry> find(AuditQuery query);

    /** Every event of one registration, oldest first, each with its actor's profile. */
    List<AuditEntry> history(RegistrationId registration);

    /** Recomputes the hash chain over all events. */
    ChainVerification verify();
}
