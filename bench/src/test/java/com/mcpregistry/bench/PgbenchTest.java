package com.mcpregistry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgbenchTest {

    @Test
    void a_percentile_is_the_value_at_that_fraction_of_the_sorted_values_counting_from_one() {
        long[] sorted = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};

        assertThat(Pgbench.percentile(sorted, 0.50)).isEqualTo(50);
        assertThat(Pgbench.percentile(sorted, 0.99)).isEqualTo(90);
        assertThat(Pgbench.percentile(new long[] {7}, 0.50)).isEqualTo(7);
        assertThat(Pgbench.percentile(new long[0], 0.99)).isZero();
    }
}
