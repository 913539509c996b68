package com.mcpregistry.postgres.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mcpregistry.limits.Admission;
import com.mcpregistry.limits.RateLimit;
import com.mcpregistry.limits.RateLimitPolicy;
import com.mcpregistry.postgres.PostgresPool;
import com.mcpregistry.postgres.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rate-limit buckets kept in PostgreSQL by Bucket4j, as two instances of the registry see them. */
class Bucket4jRateLimitBucketsTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    private static final RateLimitPolicy FIVE_AN_HOUR = RateLimitPolicy.parse(RateLimit.WRITES, "5/h");

    private final String caller = "writes|" + UUID.randomUUID();

    @Test
    void two_instances_share_one_bucket_once_they_have_synchronised() {
        Bucket4jRateLimitBuckets first = new Bucket4jRateLimitBuckets(database.dataSource());
        Bucket4jRateLimitBuckets second = new Bucket4jRateLimitBuckets(database.dataSource());
        for (int i = 0; i < 4; i++) {
            assertThat(first.consume(caller, FIVE_AN_HOUR).admitted()).isTrue();
        }
        first.synchronise();

        Admission fifth = second.consume(caller, FIVE_AN_HOUR);
        Admission sixth = second.consume(caller, FIVE_AN_HOUR);

        assertThat(fifth.admitted()).isTrue();
        assertThat(fifth.remaining()).isZero();
        assertThat(sixth.admitted()).isFalse();
        assertThat(sixth.resetSeconds()).isBetween(3500L, 3600L);
        // The first instance counts its next request from what it saw last (the price of counting locally), and
        // learns of the second's use when it sends that request's count to the shared bucket.
        first.consume(caller, FIVE_AN_HOUR);
        first.synchronise();
        assertThat(first.consume(caller, FIVE_AN_HOUR).admitted()).isFalse();
    }

    @Test
    void after_its_first_request_a_bucket_counts_without_the_database_until_it_synchronises() {
        try (HikariDataSource pool = PostgresPool.create(database.poolSettings(1, 1))) {
            Bucket4jRateLimitBuckets buckets = new Bucket4jRateLimitBuckets(pool);
            assertThat(buckets.consume(caller, FIVE_AN_HOUR).remaining()).isEqualTo(4);
            pool.close();

            assertThat(buckets.consume(caller, FIVE_AN_HOUR).remaining()).isEqualTo(3);
            assertThat(buckets.consume(caller, FIVE_AN_HOUR).remaining()).isEqualTo(2);
            assertThatThrownBy(buckets::synchronise)
                    .as("the database was really out of reach")
                    .hasMessageContaining("database");
        }
    }

    @Test
    void the_table_keeps_neither_the_caller_nor_the_policy_in_clear() {
        Bucket4jRateLimitBuckets buckets = new Bucket4jRateLimitBuckets(database.dataSource());
        buckets.consume("anonymous-reads|198.51.100.7", FIVE_AN_HOUR);

        long id = Bucket4jRateLimitBuckets.idOf("anonymous-reads|198.51.100.7", FIVE_AN_HOUR);
        int stored = database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT count(*) FROM rate_limit_buckets WHERE id = :id AND expires_at > 0")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one());
        assertThat(stored).isEqualTo(1);
        RateLimitPolicy another = RateLimitPolicy.parse(RateLimit.WRITES, "5/min");
        assertThat(Bucket4jRateLimitBuckets.idOf("anonymous-reads|198.51.100.7", another))
                .as("a changed policy is a new bucket")
                .isNotEqualTo(id);
    }
}
