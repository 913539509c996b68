package com.mcpregistry.postgres.registration;

import com.mcpregistry.contract.PublishedServersContract;
import com.mcpregistry.port.out.PublishedServers;
import com.mcpregistry.port.out.RegistrationRepository;
import com.mcpregistry.port.out.Transactions;
import com.mcpregistry.port.out.UserRepository;
import com.mcpregistry.postgres.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiPublishedServersTest extends PublishedServersContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    @Override
    protected PublishedServers published() {
        return database.adapters().publishedServers();
    }

    @Override
    protected RegistrationRepository registrations() {
        return database.adapters().registrations();
    }

    @Override
    protected UserRepository users() {
        return database.adapters().users();
    }

    @Override
    protected Transactions transactions() {
        return database.adapters().transactions();
    }
}
