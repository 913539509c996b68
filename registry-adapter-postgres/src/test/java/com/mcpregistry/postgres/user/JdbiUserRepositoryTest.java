package com.mcpregistry.postgres.user;

import com.mcpregistry.contract.UserRepositoryContract;
import com.mcpregistry.port.out.UserRepository;
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
