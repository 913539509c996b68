package com.mcpregistry.postgres.ownership;

import com.mcpregistry.contract.NamespaceClaimRepositoryContract;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.ownership.port.out.NamespaceClaimRepository;
import com.mcpregistry.postgres.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiNamespaceClaimRepositoryTest extends NamespaceClaimRepositoryContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    @Override
    protected NamespaceClaimRepository claims() {
        return database.adapters().namespaceClaims();
    }

    @Override
    protected UserRepository users() {
        return database.adapters().users();
    }
}
