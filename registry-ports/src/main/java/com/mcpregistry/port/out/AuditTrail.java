package com.mcpregistry.port.out;

import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.registration.RegistrationId;
import com.mcpregistry.port.Page;
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
