package com.mcpregistry.postgres.registration;

import com.mcpregistry.contract.IdempotencyKeysContract;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.registration.port.out.IdempotencyKeys;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiIdempotencyKeysTest extends IdempotencyKeysContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    @Override
    protected IdempotencyKeys keys() {
        return database.adapters().idempotencyKeys();
    }

    @Override
    protected UserRepository users() {
        return database.adapters().users();
    }

    @Override
    protected RegistrationRepository registrations() {
        return database.adapters().registrations();
    }
}
