package com.mcpregistry.inmemory;

import com.mcpregistry.contract.TransactionsContract;
import com.mcpregistry.port.out.AuditTrail;
import com.mcpregistry.port.out.RegistrationRepository;
import com.mcpregistry.port.out.Transactions;
import com.mcpregistry.port.out.UserRepository;

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
