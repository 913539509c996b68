package com.mcpregistry.postgres.registration;

import static com.mcpregistry.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.error.AlreadyTaken;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.Locator;
import com.mcpregistry.domain.serverjson.Package;
import com.mcpregistry.domain.serverjson.ServerDefinition;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.domain.testing.ServerDocumentTestData;
import com.mcpregistry.domain.user.User;
import com.mcpregistry.postgres.PlainSqlDocuments;
import com.mcpregistry.postgres.PostgresAdapters;
import com.mcpregistry.postgres.QueryPlans;
import com.mcpregistry.postgres.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A remote URL or package belongs to one server name because PostgreSQL says so (the exclusion constraint of
 * registration_locators), not because a writer looked first: concurrent writers of one locator for different servers
 * never both succeed, while versions of one server share it.
 */
class LocatorsOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    private final PostgresAdapters adapters = database.adapters();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private User submitter;
    private String namespace;

    @BeforeEach
    void givenASubmitter() {
        submitter = adapters.users().save(Fixtures.user());
        namespace = Fixtures.namespace();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** A pending registration of {@code server} (in this test's namespace) holding npm package {@code identifier}. */
    private Registration holding(String server, String version, String identifier) {
        Package npm = Fixtures.identifiedAs(ServerDocumentTestData.npmPackage(), identifier);
        String endpoint = "https://" + server + "." + namespace + ".example.com/mcp";
        ServerDefinition definition = Fixtures.withPackage(endpoint, npm);
        return Fixtures.pending(submitter.id(), namespace + "/" + server, version, Fixtures.details(definition), T0);
    }

    private String npmName() {
        return "@" + namespace.replace('.', '-') + "/weather";
    }

    @Test
    void a_writer_of_another_servers_package_waits_for_the_uncommitted_holder_and_is_refused_once_it_commits()
            throws Exception {
        Registration first = holding("first", "1.0.0", npmName());
        Registration second = holding("second", "1.0.0", npmName().toUpperCase(Locale.ROOT));
        CountDownLatch firstInserted = new CountDownLatch(1);

        Future<?> slow = threads.submit(() -> adapters.transactions().inTransaction(() -> {
            adapters.registrations().insert(first);
            firstInserted.countDown();
            // Still uncommitted while the second insert arrives: the constraint must make it wait, not pass.
            sleep(300);
            return null;
        }));
        Future<?> fast = threads.submit(() -> {
            await(firstInserted);
            adapters.registrations().insert(second);
            return null;
        });

        slow.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> fast.get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        AlreadyTaken.class, taken -> assertThat(taken.rule()).isEqualTo(AlreadyTaken.Rule.LOCATOR))
                .hasMessageContaining("npm package " + npmName());
        assertThat(adapters.registrations().findById(first.id())).contains(first);
        assertThat(adapters.registrations().findById(second.id())).isEmpty();
    }

    @Test
    void when_the_uncommitted_holder_rolls_back_the_waiting_writer_takes_the_package() throws Exception {
        Registration first = holding("first", "1.0.0", npmName());
        Registration second = holding("second", "1.0.0", npmName());
        CountDownLatch firstInserted = new CountDownLatch(1);

        Future<?> abandoned = threads.submit(() -> adapters.transactions().inTransaction(() -> {
            adapters.registrations().insert(first);
            firstInserted.countDown();
            sleep(300);
            throw new IllegalStateException("the submission fails after its insert: its transaction rolls back");
        }));
        Future<?> waiting = threads.submit(() -> {
            await(firstInserted);
            adapters.registrations().insert(second);
            return null;
        });

        assertThatThrownBy(() -> abandoned.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        waiting.get(30, TimeUnit.SECONDS);
        assertThat(adapters.registrations().findById(second.id())).contains(second);
        assertThat(adapters.registrations().findById(first.id())).isEmpty();
    }

    @Test
    void of_two_servers_writing_one_package_at_the_same_moment_exactly_one_wins() throws Exception {
        for (int round = 0; round < 20; round++) {
            String identifier = npmName() + "-" + round;
            List<Registration> contenders =
                    List.of(holding("a" + round, "1.0.0", identifier), holding("b" + round, "1.0.0", identifier));

            List<Outcome> outcomes = race(contenders);

            exactlyOneWon(outcomes, round);
        }
    }

    @Test
    void of_two_servers_edited_to_one_package_at_the_same_moment_exactly_one_wins() throws Exception {
        for (int round = 0; round < 20; round++) {
            String identifier = npmName() + "-edited-" + round;
            List<Registration> stored = List.of(
                    holding("c" + round, "1.0.0", npmName() + "-c" + round),
                    holding("d" + round, "1.0.0", npmName() + "-d" + round));
            stored.forEach(adapters.registrations()::insert);
            List<Registration> edits = stored.stream()
                    .map(registration -> Fixtures.edited(
                            registration,
                            holding(
                                            registration.serverName().value().substring(namespace.length() + 1),
                                            "1.0.0",
                                            identifier)
                                    .details(),
                            T0.plusSeconds(1)))
                    .toList();

            List<Outcome> outcomes =
                    race(edits, edited -> adapters.registrations().update(edited, edited.rowVersion() - 1));

            exactlyOneWon(outcomes, round);
        }
    }

    @Test
    void two_versions_of_one_server_written_at_the_same_moment_both_hold_the_package() throws Exception {
        List<Registration> versions =
                List.of(holding("weather", "1.0.0", npmName()), holding("weather", "1.1.0", npmName()));

        assertThat(race(versions)).allMatch(Outcome::stored);
        assertThat(adapters.registrations()
                        .findLocatorHolder(
                                versions.get(0).details().definition().locators(),
                                new ServerName(namespace + "/other")))
                .isPresent();
    }

    @Test
    void the_holder_of_a_locator_is_found_through_the_exclusion_constraints_index() {
        // Enough locators that reading all of them costs more than the index, as in production.
        database.jdbi().useHandle(handle -> {
            handle.execute(
                    """
                    INSERT INTO registrations (id, server_name, version, title, description, server_json,
                        owner_contact, submitter_id, status, created_at, updated_at)
                    SELECT gen_random_uuid(), name, '1.0.0', 'Tools', 'Does things', <document>,
                           'owner@example.com', ?, 'Pending', now(), now()
                      FROM generate_series(1, 5000) AS n
                     CROSS JOIN LATERAL (SELECT 'com.locators/server-' || n AS name,
                           'https://locators.example.com/' || n AS url) AS row
                    """.replace(
                                    "<document>",
                                    PlainSqlDocuments.oneRemote("name", "'1.0.0'", "'Tools'", "'Does things'", "url")),
                    submitter.id().value());
            handle.execute("""
                    INSERT INTO registration_locators (registration_id, server_name, locator)
                    SELECT id, server_name, 'remote ' || (server_json #>> '{remotes,0,url}') FROM registrations
                     WHERE server_name LIKE 'com.locators/%'
                    """);
        });
        Map<String, Object> params = Map.of(
                "locators",
                new String[] {"remote https://locators.example.com/42", "npm @locators/none"},
                "except",
                "com.locators/other");

        assertThat(QueryPlans.chosen(database.jdbi(), JdbiRegistrationRepository.LOCATOR_HOLDER, params))
                .contains("registration_locators_single_server")
                .doesNotContain("Seq Scan on registration_locators");
        assertThat(QueryPlans.generic(database.jdbi(), JdbiRegistrationRepository.LOCATOR_HOLDER))
                .contains("registration_locators_single_server")
                .doesNotContain("Seq Scan on registration_locators");
        assertThat(adapters.registrations()
                        .findLocatorHolder(
                                Set.of(new Locator("remote https://locators.example.com/42")),
                                new ServerName("com.locators/other")))
                .map(holder -> holder.serverName().value())
                .contains("com.locators/server-42");
    }

    /** One of the race's writes stored, the other refused: the package is taken. */
    private static void exactlyOneWon(List<Outcome> outcomes, int round) {
        assertThat(outcomes).as("round %d", round).filteredOn(Outcome::stored).hasSize(1);
        assertThat(outcomes)
                .as("round %d", round)
                .filteredOn(outcome -> !outcome.stored())
                .singleElement()
                .satisfies(refused -> assertThat(refused.failure())
                        .isInstanceOfSatisfying(
                                AlreadyTaken.class,
                                taken -> assertThat(taken.rule()).isEqualTo(AlreadyTaken.Rule.LOCATOR)));
    }

    /** What became of one insert of a race. */
    private record Outcome(boolean stored, Throwable failure) {}

    /** Inserts {@code contenders} at the same moment, each in its own transaction; returns each one's outcome. */
    private List<Outcome> race(List<Registration> contenders) throws InterruptedException {
        return race(contenders, contender -> adapters.registrations().insert(contender));
    }

    /** Writes {@code contenders} at the same moment, each in its own transaction; returns each one's outcome. */
    private List<Outcome> race(List<Registration> contenders, Consumer<Registration> write)
            throws InterruptedException {
        CyclicBarrier together = new CyclicBarrier(contenders.size());
        List<Future<?>> inserts = new ArrayList<>();
        for (Registration contender : contenders) {
            inserts.add(threads.submit(() -> {
                together.await(30, TimeUnit.SECONDS);
                return adapters.transactions().inTransaction(() -> {
                    write.accept(contender);
                    return null;
                });
            }));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<?> insert : inserts) {
            try {
                insert.get(30, TimeUnit.SECONDS);
                outcomes.add(new Outcome(true, null));
            } catch (ExecutionException e) {
                outcomes.add(new Outcome(false, e.getCause()));
            } catch (TimeoutException e) {
                throw new IllegalStateException("a write of the race never ended", e);
            }
        }
        return outcomes;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the first insert never happened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
