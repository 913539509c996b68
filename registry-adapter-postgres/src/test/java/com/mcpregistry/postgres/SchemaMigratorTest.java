package com.mcpregistry.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    private static final List<String> CHANGESETS = List.of(
            "001-extensions",
            "002-users",
            "003-registrations",
            "004-registrations-read-indexes",
            "005-audit-log",
            "006-audit-log-append-only",
            "007-idempotency-keys",
            "008-published-servers",
            "009-search-statistics",
            "010-catalogue-search-lower-case",
            "011-audit-log-changes",
            "012-versions-never-reused",
            "013-endpoint-url-normalized",
            "014-audit-log-key-id",
            "015-rate-limits-and-quotas",
            "016-runtime-role",
            "017-users-verified-email",
            "018-server-owners-and-namespace-claims",
            "019-server-json-documents",
            "020-remote-checks",
            "021-check-health-and-drift",
            "022-deprecated-latest-version",
            "023-searches-index-only");

    private static Map<String, Integer> appliedChangesets(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, count(*)::int AS n FROM databasechangelog GROUP BY id")
                .reduceRows(new java.util.TreeMap<String, Integer>(), (map, row) -> {
                    map.put(row.getColumn("id", String.class), row.getColumn("n", Integer.class));
                    return map;
                }));
    }

    @Test
    void instances_migrating_an_empty_database_at_once_all_succeed_and_apply_each_changeset_once() throws Exception {
        try (TestDatabase database = TestDatabase.empty()) {
            int instances = 3;
            CyclicBarrier start = new CyclicBarrier(instances);
            ExecutorService pool = Executors.newFixedThreadPool(instances);
            try {
                List<CompletableFuture<Void>> runs = java.util.stream.IntStream.range(0, instances)
                        .mapToObj(i -> CompletableFuture.runAsync(
                                () -> {
                                    await(start);
                                    new SchemaMigrator(database.unpooledDataSource()).migrate();
                                },
                                pool))
                        .toList();

                CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }

            Map<String, Integer> applied = appliedChangesets(database.jdbi());
            assertThat(applied.keySet()).containsExactlyInAnyOrderElementsOf(CHANGESETS);
            assertThat(applied.values()).containsOnly(1);
        }
    }

    @Test
    void migrating_an_up_to_date_database_changes_nothing() {
        try (TestDatabase database = TestDatabase.migrated()) {
            new SchemaMigrator(database.unpooledDataSource()).migrate();

            assertThat(appliedChangesets(database.jdbi()).values()).containsOnly(1);
            assertThat(appliedChangesets(database.jdbi())).hasSize(CHANGESETS.size());
        }
    }

    @Test
    void the_migration_lock_is_a_session_lock_that_leaves_no_row_behind() {
        try (TestDatabase database = TestDatabase.empty()) {
            new SchemaMigrator(database.unpooledDataSource()).migrate();

            // A killed instance cannot leave LOCKED = true behind: the lock is the session's advisory lock, and
            // the lock table, if Liquibase made one, never says locked.
            Integer lockRows = database.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT count(*) FROM pg_catalog.pg_tables"
                                    + " WHERE tablename = 'databasechangeloglock'")
                            .mapTo(Integer.class)
                            .one());
            if (lockRows > 0) {
                Integer locked = database.jdbi()
                        .withHandle(
                                handle -> handle.createQuery("SELECT count(*) FROM databasechangeloglock WHERE locked")
                                        .mapTo(Integer.class)
                                        .one());
                assertThat(locked).isZero();
            }
            Integer advisoryLocks = database.jdbi()
                    .withHandle(
                            handle -> handle.createQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")
                                    .mapTo(Integer.class)
                                    .one());
            assertThat(advisoryLocks).isZero();
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
