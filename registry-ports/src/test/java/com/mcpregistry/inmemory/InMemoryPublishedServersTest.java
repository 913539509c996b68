package com.mcpregistry.inmemory;

import com.mcpregistry.contract.PublishedServersContract;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.publication.port.out.PublishedServers;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.mcpregistry.transaction.Transactions;

class InMemoryPublishedServersTest extends PublishedServersContract {

    private final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    protected PublishedServers published() {
        return db.publishedServers();
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
    protected Transactions transactions() {
        return db;
    }
}
