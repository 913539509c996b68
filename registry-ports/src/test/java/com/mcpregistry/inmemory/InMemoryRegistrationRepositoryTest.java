package com.mcpregistry.inmemory;

import com.mcpregistry.contract.RegistrationRepositoryContract;
import com.mcpregistry.port.out.RegistrationRepository;
import com.mcpregistry.port.out.UserRepository;

class InMemoryRegistrationRepositoryTest extends RegistrationRepositoryContract {

    private final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    protected RegistrationRepository registrations() {
        return db.registrationRepository();
    }

    @Override
    protected UserRepository users() {
        return db.userRepository();
    }
}
