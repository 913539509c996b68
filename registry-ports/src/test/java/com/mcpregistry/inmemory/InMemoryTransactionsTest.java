package com.mcpregistry.inmemory;

import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.contract.TransactionsContract;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.mcpregistry.transaction.Transactions;

class InMemoryTransactionsTest extends TransactionsContract {

    private final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    protected Transactions transactions() {
        return db;
    }

    @Override
    protected RegistrationRepository registrations() {
        return db.registrationRepository();
    }

    @Override
    protected UserRepository users() {
        return db.userRepository();
    }

    @Override
    protected AuditTrail auditTrail() {
        return db.auditTrail();
    }
}
