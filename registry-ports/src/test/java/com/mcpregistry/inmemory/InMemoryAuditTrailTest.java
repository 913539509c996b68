package com.mcpregistry.inmemory;

import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.contract.AuditTrailContract;
import com.mcpregistry.identity.port.out.UserRepository;

class InMemoryAuditTrailTest extends AuditTrailContract {

    private final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    protected AuditTrail auditTrail() {
        return db.auditTrail();
    }

    @Override
    protected UserRepository users() {
        return db.userRepository();
    }
}
