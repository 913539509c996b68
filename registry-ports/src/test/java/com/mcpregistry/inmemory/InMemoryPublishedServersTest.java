package com.mcpregistry.inmemory;

import com.mcpregistry.contract.PublishedServersContract;
import com.mcpregistry.port.out.PublishedServers;
import com.mcpregistry.port.out.RegistrationRepository;
import com.mcpregistry.port.out.Transactions;
import com.mcpregistry.port.out.UserRepository;

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
