package com.mcpregistry.postgres.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.postgres.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The trail reads back only the audit actions this registry writes: a stored action it does not know (written by a
 * newer version, or by hand) fails the read naming it, rather than being shown as something else. In a database of
 * its own, because the row it inserts does not chain.
 */
class StoredAuditActionTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    @Test
    void an_action_this_registry_does_not_know_fails_the_read_naming_it() {
        RegistrationId registration = RegistrationId.random();
        database.jdbi()
                .useHandle(handle -> handle.createUpdate("INSERT INTO audit_log (id, at, action, registration_id,"
                                + " prev_hash, hash) VALUES (:id, now(), 'retired_action', :registration,"
                                + " repeat('0', 64), repeat('1', 64))")
                        .bind("id", UUID.randomUUID())
                        .bind("registration", registration.value())
                        .execute());
        JdbiAuditTrail trail = database.adapters().auditTrail();

        assertThatThrownBy(() -> trail.history(registration))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'retired_action'");
    }
}
