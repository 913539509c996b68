package com.mcpregistry.postgres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.domain.user.Actor;
import com.mcpregistry.domain.user.UserId;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.postgres.Changelog;
import com.mcpregistry.postgres.QueryPlans;
import com.mcpregistry.postgres.SchemaMigrator;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.registration.port.out.RegistrationQuery;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Changeset 018 over a registry of {@code registry.scale} registrations stored before it (1,000 submitters, servers
 * of four versions, some deleted, later versions submitted by others than the first): how long the changeset and its
 * backfill take, that every server gets exactly its first submitter as owner, and how an ordinary reader's first
 * pages run over the result. {@code mvn verify} runs it over 20,000 registrations; loading a million takes minutes, so
 * that size runs when asked:
 *
 * <pre>
 * mvn -B -ntp -pl registry-adapter-postgres -am verify -Dtest=OwnershipAtScaleTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dregistry.scale=1000000
 * </pre>
 *
 * The figures and plans go to target/surefire-reports/com.mcpregistry.postgres.registration.OwnershipAtScaleTest-output.txt.
 */
class OwnershipAtScaleTest {

    private static final String CHANGESET = "018-server-owners-and-namespace-claims";

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void every_server_of_a_large_registry_gets_its_first_submitter_as_owner_in_one_statement() {
        int rows = Integer.parseInt(System.getProperty("registry.scale", "20000"));
        try (TestDatabase database = TestDatabase.empty()) {
            Changelog.migrateUpTo(database, CHANGESET);
            Jdbi jdbi = Jdbi.create(database.unpooledDataSource());
            long loading = System.nanoTime();
            RegistrationsBefore019.load(jdbi, rows);
            report("loaded %,d registrations in %s", rows, since(loading));

            long migrating = System.nanoTime();
            Changelog.migrateThrough(database, CHANGESET);
            report("changeset %s (tables, indexes, backfill, ANALYZE) applied in %s", CHANGESET, since(migrating));

            long servers = count(jdbi, "SELECT count(DISTINCT server_name) FROM registrations");
            assertThat(count(jdbi, "SELECT count(*) FROM server_owners")).isEqualTo(servers);
            assertThat(count(jdbi, """
                            SELECT count(*) FROM registrations AS first
                              LEFT JOIN server_owners AS o
                                ON o.server_name = first.server_name COLLATE "C" AND o.user_id = first.submitter_id
                             WHERE o.user_id IS NULL
                               AND NOT EXISTS (SELECT 1 FROM registrations AS earlier
                                                WHERE earlier.server_name = first.server_name
                                                  AND (earlier.created_at, earlier.id) < (first.created_at, first.id))
                            """))
                    .as("servers whose first submitter is not their owner")
                    .isZero();

            String backfill = Changelog.backfill(CHANGESET);
            for (int run = 1; run <= 2; run++) {
                long again = System.nanoTime();
                jdbi.useTransaction(handle -> {
                    handle.execute("TRUNCATE server_owners");
                    handle.createScript(backfill).execute();
                    handle.rollback();
                });
                report("the backfill alone (%,d servers), run %d, rolled back: %s", servers, run, since(again));
            }
            String statement = backfill.substring(0, backfill.indexOf(';'));
            List<String> plan = jdbi.withHandle(handle -> handle.createQuery("EXPLAIN " + statement)
                    .mapTo(String.class)
                    .list());
            report("its plan:%n%s", String.join("\n", plan));

            new SchemaMigrator(database.unpooledDataSource()).migrate();
            firstPagesOfAnOrdinaryReader(database);
        }
    }

    /** Plans and times of an ordinary reader's first pages: what they may see, and their own. */
    private static void firstPagesOfAnOrdinaryReader(TestDatabase database) {
        Jdbi jdbi = database.jdbi();
        UUID reader = jdbi.withHandle(
                handle -> handle.createQuery("SELECT user_id FROM server_owners ORDER BY server_name LIMIT 1")
                        .mapTo(UUID.class)
                        .one());
        Actor actor = new Actor(new UserId(reader), false);
        for (RegistrationQuery.Scope scope :
                List.of(new RegistrationQuery.VisibleTo(actor), new RegistrationQuery.Mine(actor))) {
            JdbiRegistrationRepository.Select select = JdbiRegistrationRepository.select(
                    new RegistrationQuery(scope, Optional.empty(), Optional.empty(), PageRequest.first(20)));
            report(
                    "%s, first page, chosen plan:%n%s%n%s, generic plan:%n%s",
                    scope.getClass().getSimpleName(),
                    QueryPlans.analyzed(jdbi, select.sql(), select.params()),
                    scope.getClass().getSimpleName(),
                    QueryPlans.generic(jdbi, select.sql()));
        }
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(
                handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void report(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
