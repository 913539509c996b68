package com.mcpregistry.inmemory;

import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.contract.AuditTrailContract;
import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.domain.audit.AuditKey;
import com.mcpregistry.domain.audit.AuditKeys;
import com.mcpregistry.identity.port.out.UserRepository;

class InMemoryAuditTrailTest extends AuditTrailContract {

    private final InMemoryDatabase db = new InMemoryDatabase(new AuditChain(AuditKeys.of(AuditKey.random("contract"))));

    @Override
    protected AuditTrail auditTrail() {
        return db.auditTrail();
    }

    @Override
    protected UserRepository users() {
        return db.userRepository();
    }
}
