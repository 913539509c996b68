package com.mcpregistry.postgres.audit;

import com.mcpregistry.contract.AuditTrailContract;
import com.mcpregistry.port.out.AuditTrail;
import com.mcpregistry.port.out.UserRepository;
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
