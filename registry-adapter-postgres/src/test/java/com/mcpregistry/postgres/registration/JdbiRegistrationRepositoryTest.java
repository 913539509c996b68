package com.mcpregistry.postgres.registration;

import com.mcpregistry.contract.RegistrationRepositoryContract;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.ownership.port.out.ServerOwnerRepository;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.registration.port.out.RegistrationRepository;
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

    @Override
    protected ServerOwnerRepository serverOwners() {
        return database.adapters().serverOwners();
    }
}
