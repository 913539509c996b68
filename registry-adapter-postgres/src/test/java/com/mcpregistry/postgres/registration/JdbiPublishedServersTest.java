package com.mcpregistry.postgres.registration;

import com.mcpregistry.contract.PublishedServersContract;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.publication.port.out.PublishedServers;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.mcpregistry.transaction.Transactions;
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
