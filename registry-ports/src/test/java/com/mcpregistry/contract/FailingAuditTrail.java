package com.mcpregistry.contract;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditHead;
import com.mcpregistry.audit.AuditQuery;
import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.domain.audit.AuditCheckpoint;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.paging.Page;
import java.util.List;
import java.util.Optional;

/**
 * Delegates to a real audit trail, but throws on append while {@link #failing} is set: a write that fails late, which
 * the write's transaction must undo whole.
 */
public final class FailingAuditTrail implements AuditTrail {
    public static final String MESSAGE = "the audit trail is unavailable";

    private final AuditTrail delegate;
    public boolean failing;

    public FailingAuditTrail(AuditTrail delegate) {
        this.delegate = delegate;
    }

    /** One that fails every append. */
    public static FailingAuditTrail failingOver(AuditTrail delegate) {
        FailingAuditTrail trail = new FailingAuditTrail(delegate);
        trail.failing = true;
        return trail;
    }

    @Override
    public void append(AuditEvent event) {
        if (failing) {
            throw new IllegalStateException(MESSAGE);
        }
        delegate.append(event);
    }

    @Override
    public Page<AuditEntry> find(AuditQuery query) {
        return delegate.find(query);
    }

    @Override
    public List<AuditEntry> history(RegistrationId registration) {
        return delegate.history(registration);
    }

    @Override
    public ChainVerification verify(List<AuditCheckpoint> checkpoints) {
        return delegate.verify(checkpoints);
    }

    @Override
    public AuditHead head() {
        return delegate.head();
    }

    @Override
    public Optional<AuditChain.Link> newest() {
        return delegate.newest();
    }

    @Override
    public AuditChain chain() {
        return delegate.chain();
    }
}
