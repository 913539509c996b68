package com.mcpregistry.inmemory;

import com.mcpregistry.contract.ServerOwnerRepositoryContract;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.ownership.port.out.ServerOwnerRepository;

class InMemoryServerOwnerRepositoryTest extends ServerOwnerRepositoryContract {

    private final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    protected ServerOwnerRepository owners() {
        return db.serverOwnerRepository();
    }

    @Override
    protected UserRepository users() {
        return db.userRepository();
    }
}
