package com.mcpregistry.inmemory;

import com.mcpregistry.contract.IdempotencyKeysContract;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.registration.port.out.IdempotencyKeys;
import com.mcpregistry.registration.port.out.RegistrationRepository;

class InMemoryIdempotencyKeysTest extends IdempotencyKeysContract {

    private final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    protected IdempotencyKeys keys() {
        return db.idempotencyKeys();
    }

    @Override
    protected UserRepository users() {
        return db.userRepository();
    }

    @Override
    protected RegistrationRepository registrations() {
        return db.registrationRepository();
    }
}
