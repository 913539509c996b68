package com.mcpregistry.postgres.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.contract.Fixtures;
import com.mcpregistry.domain.registration.Registration;
import com.mcpregistry.domain.serverjson.Locator;
import com.mcpregistry.domain.shared.ServerName;
import com.mcpregistry.paging.PageRequest;
import com.mcpregistry.postgres.Changelog;
import com.mcpregistry.postgres.QueryPlans;
import com.mcpregistry.postgres.TestDatabase;
import com.mcpregistry.registration.port.out.RegistrationQuery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Changeset 019 over a registry of {@code registry.scale} registrations stored before it (as {@link
 * RegistrationsBefore019} stores them): how long it takes to make every registration a server.json document and
 * every live endpoint a locator, that it does so for each, and how the registry reads the documents afterwards. {@code
 * mvn verify} runs it over 20,000 registrations; loading a million takes minutes, so that size runs when asked:
 *
 * <pre>
 * mvn -B -ntp -pl registry-adapter-postgres -am verify -Dtest=ServerJsonDocumentsAtScaleTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dregistry.scale=1000000
 * </pre>
 *
 * The figures and plans go to
 * target/surefire-reports/com.mcpregistry.postgres.registration.ServerJsonDocumentsAtScaleTest-output.txt.
 */
class ServerJsonDocumentsAtScaleTest {

    private static final String CHANGESET = "019-server-json-documents";

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void every_registration_of_a_large_registry_becomes_its_document_in_one_table_rewrite() {
        int rows = Integer.parseInt(System.getProperty("registry.scale", "20000"));
        try (TestDatabase database = TestDatabase.empty()) {
            Changelog.migrateUpTo(database, CHANGESET);
            Jdbi jdbi = Jdbi.create(database.unpooledDataSource());
            long loading = System.nanoTime();
            RegistrationsBefore019.load(jdbi, rows);
            report("loaded %,d registrations in %s", rows, since(loading));
            report("registrations before: %s", sizes(jdbi));

            long migrating = System.nanoTime();
            Changelog.migrateThrough(database, CHANGESET);
            report(
                    "changeset %s (locators, exclusion constraint, table rewrite, index rebuilds) applied in %s",
                    CHANGESET, since(migrating));
            report("registrations after: %s", sizes(jdbi));

            assertThat(count(jdbi, "SELECT count(*) FROM registrations")).isEqualTo(rows);
            assertThat(count(jdbi, "SELECT count(*) FROM registration_locators"))
                    .isEqualTo(count(jdbi, "SELECT count(*) FROM registrations WHERE deleted_at IS NULL"));
            assertThat(count(jdbi, """
                            SELECT count(*) FROM registrations AS r
                             WHERE deleted_at IS NULL AND NOT EXISTS (
                                   SELECT 1 FROM registration_locators AS l
                                    WHERE l.registration_id = r.id
                                      AND l.locator = 'remote ' || (r.server_json #>> '{remotes,0,url}'))
                            """))
                    .as("live registrations without the locator of their remote")
                    .isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM registrations WHERE server_json -> 'repository' IS NOT NULL"))
                    .as("documents with a repository: a third, each on GitHub")
                    .isEqualTo((rows + 2) / 3)
                    .isEqualTo(
                            count(
                                    jdbi,
                                    "SELECT count(*) FROM registrations WHERE server_json #>> '{repository,source}' = 'github'"));
            assertThat(
                            count(
                                    jdbi,
                                    "SELECT count(*) FROM registrations WHERE server_json ->> 'websiteUrl' LIKE 'https://docs.%'"))
                    .as("documents with a website: a quarter")
                    .isEqualTo((rows + 3) / 4)
                    .isEqualTo(count(
                            jdbi, "SELECT count(*) FROM registrations WHERE server_json -> 'websiteUrl' IS NOT NULL"));

            readsDocuments(database);
        }
    }

    /** A first page of every registration, and the holder of a locator: read, mapped, planned and timed. */
    private static void readsDocuments(TestDatabase database) {
        Jdbi jdbi = database.jdbi();
        JdbiRegistrationRepository repository = database.adapters().registrations();
        List<Registration> page = repository
                .find(new RegistrationQuery(
                        Fixtures.visibleToAnAdministrator(), Optional.empty(), Optional.empty(), PageRequest.first(20)))
                .items();
        assertThat(page)
                .hasSize(20)
                .allSatisfy(registration -> assertThat(
                                registration.details().definition().onlyRemote())
                        .isPresent());
        Registration newest = page.get(0);
        Set<Locator> locators = newest.details().definition().locators();
        assertThat(repository.findLocatorHolder(locators, new ServerName("com.other/server")))
                .map(Registration::serverName)
                .contains(newest.serverName());

        JdbiRegistrationRepository.Select select = JdbiRegistrationRepository.select(new RegistrationQuery(
                Fixtures.visibleToAnAdministrator(), Optional.empty(), Optional.empty(), PageRequest.first(20)));
        report("first page of every registration:%n%s", QueryPlans.analyzed(jdbi, select.sql(), select.params()));
        report(
                "holder of a locator:%n%s",
                QueryPlans.analyzed(
                        jdbi,
                        JdbiRegistrationRepository.LOCATOR_HOLDER,
                        Map.of(
                                "locators",
                                locators.stream().map(Locator::value).toArray(String[]::new),
                                "except",
                                "com.other/server")));
    }

    private static String sizes(Jdbi jdbi) {
        return jdbi.withHandle(
                handle -> handle.createQuery("""
                        SELECT format('table %s, indexes %s', pg_size_pretty(pg_table_size('registrations')),
                                      pg_size_pretty(pg_indexes_size('registrations')))
                        """).mapTo(String.class).one());
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
