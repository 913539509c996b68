package com.mcpregistry.postgres.registration;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.contract.RegistrationRepositoryContract;
import com.mcpregistry.domain.error.AlreadyTaken;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.PublisherMeta;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.ownership.port.out.ServerOwnerRepository;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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

    @Test
    void a_remote_url_of_2048_characters_of_three_bytes_each_is_held_and_compared() {
        User submitter = users().save(Fixtures.user());
        String namespace = Fixtures.namespace();
        String prefix = "https://" + namespace + ".example.com/";
        String url = prefix + "中".repeat(2048 - prefix.length());
        Registration holder = Fixtures.pending(submitter.id(), namespace + "/long", "1.0.0", url, T0);
        registrations().insert(holder);

        assertThat(registrations().findById(holder.id())).contains(holder);
        assertThatThrownBy(() -> registrations()
                        .insert(Fixtures.pending(submitter.id(), namespace + "/thief", "1.0.0", url, T0)))
                .isInstanceOf(AlreadyTaken.class);
    }

    /**
     * PostgreSQL's jsonb keeps a JSON object's members ordered by its own rule (shorter names first), not as they were
     * written: the publisher's {@code _meta} comes back with the same members and values, in that order.
     */
    @Test
    void publisher_metadata_keeps_its_members_and_values_in_jsonbs_order_of_members() throws Exception {
        User submitter = users().save(Fixtures.user());
        String namespace = Fixtures.namespace();
        String written = "{\"zeta\":1,\"a\":{\"nested\":[1,2.5,\"x\"],\"b\":true},\"mid\":null}";
        ServerDefinition seed =
                Fixtures.details("https://" + namespace + ".example.com/mcp").definition();
        ServerDefinition withMeta = new ServerDefinition(
                seed.description(),
                seed.title(),
                seed.websiteUrl(),
                seed.repository(),
                seed.icons(),
                seed.packages(),
                seed.remotes(),
                Optional.of(new PublisherMeta(written)));
        Registration registration =
                Fixtures.pending(submitter.id(), namespace + "/meta", "1.0.0", Fixtures.details(withMeta), T0);
        registrations().insert(registration);

        PublisherMeta read = registrations()
                .findById(registration.id())
                .orElseThrow()
                .details()
                .definition()
                .publisherMeta()
                .orElseThrow();

        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(read.json())).isEqualTo(json.readTree(written));
        assertThat(read.json()).isEqualTo("{\"a\":{\"b\":true,\"nested\":[1,2.5,\"x\"]},\"mid\":null,\"zeta\":1}");
    }
}
