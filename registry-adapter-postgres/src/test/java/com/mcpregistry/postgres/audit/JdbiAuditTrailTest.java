package com.mcpregistry.postgres.audit;

import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.contract.AuditTrailContract;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.postgres.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiAuditTrailTest extends AuditTrailContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    @Override
    protected AuditTrail auditTrail() {
        return database.adapters().auditTrail();
    }

    @Override
    protected UserRepository users() {
        return database.adapters().users();
    }
}
