package com.mcpregistry.inmemory;

import com.mcpregistry.contract.AuditTrailContract;
import com.mcpregistry.port.out.AuditTrail;

class InMemoryAuditTrailTest extends AuditTrailContract {

    private final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    protected AuditTrail auditTrail() {
        return db.auditTrail();
    }
}
