package com.mcpregistry.postgres.audit;

import static com.mcpregistry.contract.Fixtures.T0;
import static com.mcpregistry.contract.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.postgres.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit trail as PostgreSQL keeps it: append-only at the database, hash-chained, linear under load. */
class AuditLogTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    private final JdbiAuditTrail trail = database.adapters().auditTrail();
    private final Jdbi jdbi = database.jdbi();

    private AuditEvent appended(JdbiAuditTrail trail, int second) {
        AuditEvent event = event(
                UserId.random(), AuditAction.APPROVE, Optional.of(RegistrationId.random()), T0.plusSeconds(second));
        trail.append(event);
        return event;
    }

    @Test
    void the_database_refuses_to_update_audit_events() {
        AuditEvent event = appended(trail, 0);

        assertThatThrownBy(() -> jdbi.useHandle(
                        handle -> handle.execute("UPDATE audit_log SET reason = 'rewritten' WHERE id = ?", event.id())))
                .hasMessageContaining("audit_log is append-only: UPDATE is not allowed");
        assertThatThrownBy(
                        () -> jdbi.useHandle(handle -> handle.execute("UPDATE audit_log SET reason = 'x' WHERE false")))
                .hasMessageContaining("append-only");
        assertThat(trail.history(event.registrationId().orElseThrow()))
                .extracting(AuditEntry::event)
                .containsExactly(event);
    }

    @Test
    void the_database_refuses_to_delete_audit_events() {
        AuditEvent event = appended(trail, 0);

        assertThatThrownBy(() ->
                        jdbi.useHandle(handle -> handle.execute("DELETE FROM audit_log WHERE id = ?", event.id())))
                .hasMessageContaining("audit_log is append-only: DELETE is not allowed");
        assertThat(trail.history(event.registrationId().orElseThrow()))
                .extracting(AuditEntry::event)
                .containsExactly(event);
    }

    @Test
    void the_database_refuses_to_truncate_the_audit_log() {
        AuditEvent event = appended(trail, 0);

        assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.execute("TRUNCATE audit_log")))
                .hasMessageContaining("audit_log is append-only: TRUNCATE is not allowed");
        assertThat(trail.history(event.registrationId().orElseThrow()))
                .extracting(AuditEntry::event)
                .containsExactly(event);
    }

    @Test
    void each_event_stores_the_hash_of_the_one_before_it() {
        AuditEvent first = appended(trail, 0);
        AuditEvent second = appended(trail, 1);

        String firstHash = jdbi.withHandle(handle -> handle.createQuery("SELECT hash FROM audit_log WHERE id = ?")
                .bind(0, first.id())
                .mapTo(String.class)
                .one());
        String secondPrevious =
                jdbi.withHandle(handle -> handle.createQuery("SELECT prev_hash FROM audit_log WHERE id = ?")
                        .bind(0, second.id())
                        .mapTo(String.class)
                        .one());
        assertThat(secondPrevious).isEqualTo(firstHash).matches("[0-9a-f]{64}");
    }

    @Test
    void verification_names_the_first_event_whose_row_was_edited() {
        try (TestDatabase tampered = TestDatabase.migrated()) {
            JdbiAuditTrail trail = tampered.adapters().auditTrail();
            appended(trail, 0);
            AuditEvent victim = appended(trail, 1);
            appended(trail, 2);

            asTableOwnerWithoutTrigger(
                    tampered.jdbi(),
                    handle -> handle.execute(
                            "UPDATE audit_log SET reason = 'nothing to see here' WHERE id = ?", victim.id()));

            ChainVerification verification = trail.verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.firstBrokenEvent()).contains(victim.id());
            assertThat(verification.eventsChecked()).isEqualTo(2);
        }
    }

    @Test
    void verification_notices_a_removed_event() {
        try (TestDatabase tampered = TestDatabase.migrated()) {
            JdbiAuditTrail trail = tampered.adapters().auditTrail();
            appended(trail, 0);
            AuditEvent removed = appended(trail, 1);
            AuditEvent next = appended(trail, 2);

            asTableOwnerWithoutTrigger(
                    tampered.jdbi(), handle -> handle.execute("DELETE FROM audit_log WHERE id = ?", removed.id()));

            assertThat(trail.verify().firstBrokenEvent()).contains(next.id());
        }
    }

    @Test
    void concurrent_appends_form_one_linear_chain() throws Exception {
        try (TestDatabase fresh = TestDatabase.migrated()) {
            JdbiAuditTrail trail = fresh.adapters().auditTrail();
            int writers = 4;
            int eachWrites = 25;
            CyclicBarrier start = new CyclicBarrier(writers);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<CompletableFuture<Void>> runs = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    runs.add(CompletableFuture.runAsync(
                            () -> {
                                await(start);
                                for (int i = 0; i < eachWrites; i++) {
                                    fresh.adapters().transactions().inTransaction(() -> appended(trail, 0));
                                }
                            },
                            pool));
                }
                CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }

            ChainVerification verification = trail.verify();
            assertThat(verification.intact()).isTrue();
            assertThat(verification.eventsChecked()).isEqualTo((long) writers * eachWrites);
        }
    }

    /** What only someone with the database's owner rights can do: switch the guard off, change rows, switch it on. */
    private static void asTableOwnerWithoutTrigger(Jdbi jdbi, java.util.function.Consumer<Handle> change) {
        jdbi.useHandle(handle -> {
            handle.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
            try {
                change.accept(handle);
            } finally {
                handle.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
            }
        });
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
