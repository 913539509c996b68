package com.mcpregistry.inmemory;

import com.mcpregistry.contract.UserRepositoryContract;
import com.mcpregistry.identity.port.out.UserRepository;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

    private final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    protected UserRepository users() {
        return db.userRepository();
    }
}
