package com.mcpregistry.inmemory;

import com.mcpregistry.checks.port.out.CheckRepository;
import com.mcpregistry.contract.CheckRepositoryContract;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.registration.port.out.RegistrationRepository;

class InMemoryCheckRepositoryTest extends CheckRepositoryContract {

    private final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    protected CheckRepository checks() {
        return db.checkRepository();
    }

    @Override
    protected RegistrationRepository registrations() {
        return db.registrationRepository();
    }

    @Override
    protected UserRepository users() {
        return db.userRepository();
    }
}
