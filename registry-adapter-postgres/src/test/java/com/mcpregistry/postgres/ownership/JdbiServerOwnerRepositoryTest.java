package com.mcpregistry.postgres.ownership;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.contract.ServerOwnerRepositoryContract;
import com.mcpregistry.domain.ownership.Owner;
import com.mcpregistry.domain.ownership.Owners;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.ownership.port.out.ServerOwnerRepository;
import com.mcpregistry.postgres.PostgresAdapters;
import com.mcpregistry.postgres.PostgresPool;
import com.mcpregistry.postgres.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The owners contract on PostgreSQL, and what only a real database shows: kept times and the race for a new name. */
class JdbiServerOwnerRepositoryTest extends ServerOwnerRepositoryContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    @Override
    protected ServerOwnerRepository owners() {
        return database.adapters().serverOwners();
    }

    @Override
    protected UserRepository users() {
        return database.adapters().users();
    }

    private static Map<String, Instant> addedAt(ServerName server) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT coalesce(CAST(user_id AS text), group_id) AS owner, added_at FROM server_owners"
                                        + " WHERE server_name = :server")
                        .bind("server", server.value())
                        .reduceRows(new java.util.HashMap<String, Instant>(), (map, row) -> {
                            map.put(
                                    row.getColumn("owner", String.class),
                                    row.getColumn("added_at", OffsetDateTime.class)
                                            .toInstant());
                            return map;
                        }));
    }

    @Test
    void an_owner_kept_through_a_change_keeps_the_time_it_was_added() {
        Owner ann = Owner.user(users().save(Fixtures.user()).id());
        Owner bob = Owner.user(users().save(Fixtures.user()).id());
        Owner team = Owner.group(Fixtures.group());
        ServerName server = new ServerName(Fixtures.namespace() + "/tools");
        owners().save(server, Owners.of(ann, bob), T0);

        owners().save(server, Owners.of(ann, team), T0.plusSeconds(60));

        String annId = ((Owner.OfUser) ann).userId().toString();
        String teamId = ((Owner.OfGroup) team).groupId().value();
        assertThat(addedAt(server)).isEqualTo(Map.of(annId, T0, teamId, T0.plusSeconds(60)));
    }

    /**
     * The race the registration service relies on when two first versions of a new name come at once: each
     * transaction takes the server's lock, looks for owners and saves its submitter when it finds none. Over 20 real
     * connections exactly one becomes the owner; the others find it.
     */
    @Test
    void of_twenty_transactions_racing_to_own_a_new_name_under_its_lock_exactly_one_becomes_its_owner()
            throws Exception {
        int racers = 20;
        List<Owner> candidates = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            candidates.add(Owner.user(users().save(Fixtures.user()).id()));
        }
        ServerName server = new ServerName(Fixtures.namespace() + "/contested");
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try (HikariDataSource pool = PostgresPool.create(database.poolSettings(racers, racers))) {
            PostgresAdapters adapters = new PostgresAdapters(pool, TestDatabase.SERVER_JSON);
            ServerOwnerRepository owners = adapters.serverOwners();
            List<Future<Boolean>> won = new ArrayList<>();
            for (Owner candidate : candidates) {
                won.add(threads.submit(() -> adapters.transactions().inTransaction(() -> {
                    // Each on a connection of its own, in its transaction, before any of them takes the lock.
                    await(start);
                    owners.lock(server);
                    if (owners.find(server).isPresent()) {
                        return false;
                    }
                    owners.save(server, Owners.of(candidate), Instant.now());
                    return true;
                })));
            }
            int winners = 0;
            for (Future<Boolean> outcome : won) {
                winners += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(winners).isEqualTo(1);
            assertThat(owners().find(server))
                    .hasValueSatisfying(found ->
                            assertThat(found.members()).hasSize(1).first().isIn(candidates));
            assertThat(addedAt(server)).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
