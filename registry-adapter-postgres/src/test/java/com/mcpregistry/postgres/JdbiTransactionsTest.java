package com.mcpregistry.postgres;

import com.mcpregistry.contract.TransactionsContract;
import com.mcpregistry.port.out.AuditTrail;
import com.mcpregistry.port.out.RegistrationRepository;
import com.mcpregistry.port.out.Transactions;
import com.mcpregistry.port.out.UserRepository;
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
