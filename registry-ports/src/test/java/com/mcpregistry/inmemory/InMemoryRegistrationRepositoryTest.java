package com.mcpregistry.inmemory;

import com.mcpregistry.contract.RegistrationRepositoryContract;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.ownership.port.out.ServerOwnerRepository;
import com.mcpregistry.registration.port.out.RegistrationRepository;

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

    @Override
    protected ServerOwnerRepository serverOwners() {
        return db.serverOwnerRepository();
    }
}
