package com.mcpregistry.inmemory;

import com.mcpregistry.contract.IdempotencyKeysContract;
import com.mcpregistry.port.out.IdempotencyKeys;
import com.mcpregistry.port.out.RegistrationRepository;
import com.mcpregistry.port.out.UserRepository;

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
