package com.mcpregistry.postgres;

import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.contract.TransactionsContract;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.mcpregistry.transaction.Transactions;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiTransactionsTest extends TransactionsContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    @Override
    protected Transactions transactions() {
        return database.adapters().transactions();
    }

    @Override
    protected RegistrationRepository registrations() {
        return database.adapters().registrations();
    }

    @Override
    protected UserRepository users() {
        return database.adapters().users();
    }

    @Override
    protected AuditTrail auditTrail() {
        return database.adapters().auditTrail();
    }
}
