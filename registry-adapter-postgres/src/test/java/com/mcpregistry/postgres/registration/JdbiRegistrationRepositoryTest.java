package com.mcpregistry.postgres.registration;

import com.mcpregistry.contract.RegistrationRepositoryContract;
import com.mcpregistry.port.out.RegistrationRepository;
import com.mcpregistry.port.out.UserRepository;
import com.mcpregistry.postgres.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiRegistrationRepositoryTest extends RegistrationRepositoryContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    @Override
    protected RegistrationRepository registrations() {
        return database.adapters().registrations();
    }

    @Override
    protected UserRepository users() {
        return database.adapters().users();
    }
}
