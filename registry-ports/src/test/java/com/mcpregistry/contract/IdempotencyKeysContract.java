package com.mcpregistry.contract;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.error.Conflict;
import com.mcpregistry.domain.error.IdempotencyKeyInUse;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.registration.port.out.IdempotencyKeys;
import com.mcpregistry.registration.port.out.IdempotencyKeys.Remembered;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotencyKeys} guarantees: keys are per owner, and a key is remembered once. (That a claim waits
 * for a concurrent one is each adapter's own test: in memory, transactions never overlap.)
 */
public abstract class IdempotencyKeysContract {
    private static final String FINGERPRINT_A = "a".repeat(64);
    private static final String FINGERPRINT_B = "b".repeat(64);

    protected abstract IdempotencyKeys keys();

    protected abstract UserRepository users();

    protected abstract RegistrationRepository registrations();

    private Registration stored(User owner) {
        String namespace = Fixtures.namespace();
        Registration registration = Fixtures.pending(
                owner.id(), namespace + "/server", "1.0.0", "https://" + namespace + ".example.com/mcp", T0);
        registrations().insert(registration);
        return registration;
    }

    @Test
    void a_remembered_key_is_found_with_its_fingerprint_and_registration() {
        User owner = users().save(Fixtures.user());
        Registration registration = stored(owner);

        keys().remember(owner.id(), "key-1", new Remembered(FINGERPRINT_A, registration.id()), T0);

        assertThat(keys().find(owner.id(), "key-1")).contains(new Remembered(FINGERPRINT_A, registration.id()));
    }

    @Test
    void claiming_a_key_finds_what_it_was_remembered_for_or_nothing() {
        User owner = users().save(Fixtures.user());
        Registration registration = stored(owner);

        assertThat(keys().claim(owner.id(), "key-3")).isEmpty();
        keys().remember(owner.id(), "key-3", new Remembered(FINGERPRINT_A, registration.id()), T0);

        assertThat(keys().claim(owner.id(), "key-3")).contains(new Remembered(FINGERPRINT_A, registration.id()));
    }

    @Test
    void keys_belong_to_their_owner() {
        User owner = users().save(Fixtures.user());
        User other = users().save(Fixtures.user());
        Registration registration = stored(owner);

        keys().remember(owner.id(), "shared-key", new Remembered(FINGERPRINT_A, registration.id()), T0);

        assertThat(keys().find(other.id(), "shared-key")).isEmpty();
        assertThat(keys().find(owner.id(), "another-key")).isEmpty();
    }

    @Test
    void remembering_a_key_twice_is_a_conflict() {
        User owner = users().save(Fixtures.user());
        Registration registration = stored(owner);
        keys().remember(owner.id(), "key-2", new Remembered(FINGERPRINT_A, registration.id()), T0);

        assertThatThrownBy(() ->
                        keys().remember(owner.id(), "key-2", new Remembered(FINGERPRINT_B, registration.id()), T0))
                .isInstanceOf(Conflict.class)
                // Its own kind, so that the HTTP adapter can name the header; the port itself speaks no HTTP.
                .isInstanceOf(IdempotencyKeyInUse.class)
                .hasMessage("the idempotency key is being used by a concurrent request");
        assertThat(keys().find(owner.id(), "key-2")).contains(new Remembered(FINGERPRINT_A, registration.id()));
    }
}
