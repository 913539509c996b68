package com.mcpregistry.inmemory;

import com.mcpregistry.contract.NamespaceClaimRepositoryContract;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.ownership.port.out.NamespaceClaimRepository;

class InMemoryNamespaceClaimRepositoryTest extends NamespaceClaimRepositoryContract {

    private final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    protected NamespaceClaimRepository claims() {
        return db.namespaceClaimRepository();
    }

    @Override
    protected UserRepository users() {
        return db.userRepository();
    }
}
