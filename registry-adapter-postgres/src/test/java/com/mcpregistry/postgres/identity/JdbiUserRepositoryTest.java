package com.mcpregistry.postgres.identity;

import com.mcpregistry.contract.UserRepositoryContract;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.postgres.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiUserRepositoryTest extends UserRepositoryContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    @Override
    protected UserRepository users() {
        return database.adapters().users();
    }
}
