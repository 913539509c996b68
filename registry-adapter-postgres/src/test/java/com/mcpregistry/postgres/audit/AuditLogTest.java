package com.mcpregistry.postgres.audit;

import static com.mcpregistry.contract.Fixtures.T0;
import static com.mcpregistry.contract.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.audit.AuditEntry;
import com.mcpregistry.audit.AuditHead;
import com.mcpregistry.audit.ChainVerification;
import com.mcpregistry.domain.audit.AuditAction;
import com.mcpregistry.domain.audit.AuditChain;
import com.mcpregistry.domain.audit.AuditCheckpoint;
import com.mcpregistry.domain.audit.AuditEvent;
import com.mcpregistry.domain.audit.AuditKey;
import com.mcpregistry.domain.audit.AuditKeys;
import com.mcpregistry.domain.shared.RegistrationId;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.postgres.PostgresAdapters;
import com.mcpregistry.postgres.TestDatabase;
import java.time.Instant;
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

/**
 * The audit trail as PostgreSQL keeps it: append-only at the database, hash-chained under the audit key, linear
 * under load; and what someone who can get round the database's guard (the tables' owner, a superuser) can do to it
 * that verification catches: removing the newest events (with a checkpoint taken before), rebuilding the chain
 * without the key.
 */
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

    private static final Instant CHECKPOINT_TIME = Instant.parse("2025-06-01T10:00:00Z");

    private static AuditCheckpoint checkpointOf(JdbiAuditTrail trail) {
        AuditHead head = trail.head();
        return TestDatabase.AUDIT_CHAIN.checkpoint(head.events(), head.hash(), CHECKPOINT_TIME);
    }

    /** Removes the newest {@code count} events, as the tables' owner can. */
    private static void deleteNewest(Jdbi jdbi, int count) {
        asTableOwnerWithoutTrigger(
                jdbi,
                handle -> handle.execute(
                        "DELETE FROM audit_log WHERE seq IN (SELECT seq FROM audit_log ORDER BY seq DESC LIMIT ?)",
                        count));
    }

    @Test
    void deleting_the_newest_events_is_detected_by_a_checkpoint_taken_before_and_only_by_it() {
        try (TestDatabase tampered = TestDatabase.migrated()) {
            JdbiAuditTrail trail = tampered.adapters().auditTrail();
            for (int i = 0; i < 5; i++) {
                appended(trail, i);
            }
            AuditCheckpoint checkpoint = checkpointOf(trail);

            deleteNewest(tampered.jdbi(), 2);

            assertThat(trail.verify().intact())
                    .as("the chain that is left is consistent: only an anchor outside the database shows the loss")
                    .isTrue();
            ChainVerification verification = trail.verify(List.of(checkpoint));
            assertThat(verification.intact()).isFalse();
            assertThat(verification.broken().orElseThrow().reason())
                    .contains("the trail holds 3 events, fewer than the 5 the checkpoint of " + CHECKPOINT_TIME);
        }
    }

    @Test
    void the_newest_events_replaced_by_new_ones_written_with_the_key_are_detected_by_the_checkpoint() {
        try (TestDatabase tampered = TestDatabase.migrated()) {
            JdbiAuditTrail trail = tampered.adapters().auditTrail();
            for (int i = 0; i < 4; i++) {
                appended(trail, i);
            }
            AuditCheckpoint checkpoint = checkpointOf(trail);

            deleteNewest(tampered.jdbi(), 2);
            appended(trail, 10);
            appended(trail, 11);

            assertThat(trail.verify(List.of(checkpoint)).broken().orElseThrow().reason())
                    .contains("event 4 (")
                    .contains("is not the event the checkpoint of " + CHECKPOINT_TIME + " recorded there");
        }
    }

    @Test
    void a_chain_rebuilt_by_the_tables_owner_with_unkeyed_sha256_or_a_wrong_key_is_detected() {
        for (AuditChain forger : List.of(
                AuditChain.unkeyed(),
                new AuditChain(AuditKeys.of(AuditKey.random(TestDatabase.AUDIT_KEY.id()))),
                new AuditChain(AuditKeys.of(AuditKey.random("forged"))))) {
            try (TestDatabase tampered = TestDatabase.migrated()) {
                JdbiAuditTrail trail = tampered.adapters().auditTrail();
                List<AuditEvent> events = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    events.add(appended(trail, i));
                }
                AuditCheckpoint checkpoint = checkpointOf(trail);
                // The owner removes the newest event and rebuilds every hash, as the forger's key gives them.
                deleteNewest(tampered.jdbi(), 1);
                rebuild(tampered.jdbi(), forger, events.subList(0, 3));

                assertThat(new PostgresAdapters(tampered.dataSource(), forger, TestDatabase.SERVER_JSON)
                                .auditTrail()
                                .verify()
                                .intact())
                        .as("the rebuilt chain is consistent for the forger")
                        .isTrue();
                ChainVerification withKey = trail.verify();
                ChainVerification withCheckpoint = trail.verify(List.of(checkpoint));
                if (forger.keys().current().isEmpty()) {
                    // An all-unkeyed trail looks like one written before audit keys: the checkpoint tells.
                    assertThat(withKey.intact()).isTrue();
                    assertThat(withKey.unkeyedEvents()).isEqualTo(3);
                } else {
                    assertThat(withKey.firstBrokenEvent())
                            .as(forger.keys().toString())
                            .isPresent();
                }
                assertThat(withCheckpoint.intact()).as(forger.keys().toString()).isFalse();
            }
        }
    }

    @Test
    void after_a_key_rotation_events_under_the_previous_key_verify_only_while_it_is_configured() {
        try (TestDatabase rotated = TestDatabase.migrated()) {
            AuditKey next = AuditKey.random("next");
            PostgresAdapters before = rotated.adapters();
            PostgresAdapters after = new PostgresAdapters(
                    rotated.dataSource(),
                    new AuditChain(AuditKeys.of(Optional.of(next), List.of(TestDatabase.AUDIT_KEY))),
                    TestDatabase.SERVER_JSON);
            appended(before.auditTrail(), 0);
            appended(after.auditTrail(), 1);
            appended(before.auditTrail(), 2); // an instance not yet restarted with the new key

            assertThat(after.auditTrail().verify().intact()).isTrue();
            assertThat(new PostgresAdapters(
                                    rotated.dataSource(), new AuditChain(AuditKeys.of(next)), TestDatabase.SERVER_JSON)
                            .auditTrail()
                            .verify()
                            .broken()
                            .orElseThrow()
                            .reason())
                    .contains("the audit key '" + TestDatabase.AUDIT_KEY.id() + "', which is not configured here");
        }
    }

    /** Recomputes the hashes of the stored {@code events} (oldest first) with {@code forger}, as the owner can. */
    private static void rebuild(Jdbi jdbi, AuditChain forger, List<AuditEvent> events) {
        asTableOwnerWithoutTrigger(jdbi, handle -> {
            String previous = AuditChain.GENESIS;
            for (AuditEvent event : events) {
                AuditChain.Link link = forger.link(previous, Optional.empty(), event);
                handle.execute(
                        "UPDATE audit_log SET prev_hash = ?, key_id = ?, hash = ? WHERE id = ?",
                        previous,
                        link.keyId().orElse(null),
                        link.hash(),
                        event.id());
                previous = link.hash();
            }
        });
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
