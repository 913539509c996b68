package com.mcpregistry.postgres.registration;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.contract.IdempotencyKeysContract;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.identity.port.out.UserRepository;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.registration.port.out.IdempotencyKeys;
import com.mcpregistry.registration.port.out.IdempotencyKeys.Remembered;
import com.mcpregistry.registration.port.out.RegistrationRepository;
import com.mcpregistry.transaction.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiIdempotencyKeysTest extends IdempotencyKeysContract {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

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

    @Test
    void a_second_claim_of_a_key_waits_for_the_first_claims_transaction_and_then_finds_what_it_remembered()
            throws Exception {
        User owner = users().save(Fixtures.user());
        String namespace = Fixtures.namespace();
        Registration registration = Fixtures.pending(
                owner.id(), namespace + "/server", "1.0.0", "https://" + namespace + ".example.com/mcp", T0);
        registrations().insert(registration);
        Remembered remembered = new Remembered("c".repeat(64), registration.id());
        Transactions transactions = database.adapters().transactions();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        Future<Optional<Remembered>> first = threads.submit(() -> transactions.inTransaction(() -> {
            Optional<Remembered> found = keys().claim(owner.id(), "claimed-key");
            claimed.countDown();
            await(release);
            keys().remember(owner.id(), "claimed-key", remembered, T0);
            return found;
        }));
        await(claimed);
        Future<Optional<Remembered>> second =
                threads.submit(() -> transactions.inTransaction(() -> keys().claim(owner.id(), "claimed-key")));
        awaitOneSessionWaitingForAnAdvisoryLock();
        assertThat(second)
                .as("the second claim waits for the first transaction")
                .isNotDone();
        release.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(second.get(30, TimeUnit.SECONDS)).contains(remembered);
    }

    private static void awaitOneSessionWaitingForAnAdvisoryLock() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (database.jdbi()
                        .withHandle(handle -> handle.createQuery(
                                        "SELECT count(*) FROM pg_locks"
                                                + " WHERE locktype = 'advisory' AND NOT granted"
                                                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
                                .mapTo(Integer.class)
                                .one())
                == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the second claim never waited for the key");
            }
            Thread.sleep(10);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other transaction never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
