package com.mcpregistry.inmemory;

import com.mcpregistry.contract.PublishingContract;
import com.mcpregistry.port.out.AuditTrail;
import com.mcpregistry.port.out.IdempotencyKeys;
import com.mcpregistry.port.out.PublishedServers;
import com.mcpregistry.port.out.RegistrationRepository;
import com.mcpregistry.port.out.Transactions;
import com.mcpregistry.port.out.UserRepository;

class InMemoryPublishingTest extends PublishingContract {

    private final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    protected RegistrationRepository registrations() {
        return db.registrationRepository();
    }

    @Override
    protected PublishedServers published() {
        return db.publishedServers();
    }

    @Override
    protected AuditTrail auditTrail() {
        return db.auditTrail();
    }

    @Override
    protected IdempotencyKeys idempotencyKeys() {
        return db.idempotencyKeys();
    }

    @Override
    protected Transactions transactions() {
        return db;
    }

    @Override
    protected UserRepository users() {
        return db.userRepository();
    }
}
