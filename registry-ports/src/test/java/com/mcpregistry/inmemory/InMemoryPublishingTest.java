package com.mcpregistry.inmemory;

import com.mcpregistry.audit.port.out.AuditTrail;
import com.mcpregistry.contract.PublishingContract;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.ownership.port.out.NamespaceClaimRepository;
import com.mcpregistry.ownership.port.out.ServerOwnerRepository;
import com.mcpregistry.publication.port.out.PublishedServers;
import com.mcpregistry.registration.port.out.IdempotencyKeys;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.mcpregistry.transaction.Transactions;

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

    @Override
    protected ServerOwnerRepository serverOwners() {
        return db.serverOwnerRepository();
    }

    @Override
    protected NamespaceClaimRepository namespaceClaims() {
        return db.namespaceClaimRepository();
    }
}
