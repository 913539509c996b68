package com.mcpregistry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChecksTableTest {

    static CheckRound round(long checks, double spanSeconds, Map<String, Long> outcomes) {
        return new CheckRound(
                8,
                "warm",
                checks,
                spanSeconds,
                283.15,
                605.52,
                55.84,
                OptionalDouble.of(5.2),
                13.3,
                OptionalLong.of(753),
                324,
                outcomes,
                "11.69");
    }

    @Test
    void a_round_is_a_line_under_the_heading_with_its_rate_and_the_remotes_it_keeps_checked_every_15_minutes() {
        String text = ChecksTable.text(List.of(round(2000, 100, Map.of("reachable", 2000L))));

        assertThat(text.lines().toList())
                .containsExactly(
                        "workers round checks checks/min  span s  p50 ms  p99 ms │ serve    pg  demo │ alloc KiB RSS MiB"
                                + " │ remotes/15 min  load  outcomes",
                        "      8 warm    2000       1200   100.0  283.15  605.52 │  55.8   5.2  13.3 │       753     324"
                                + " │          18000 11.69  2000 reachable");
    }

    @Test
    void outcomes_other_than_reachable_are_each_counted_most_first() {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        outcomes.put("reachable", 1990L);
        outcomes.put("timeout", 10L);

        assertThat(ChecksTable.outcomes(round(2000, 100, outcomes))).isEqualTo("1990 reachable, 10 timeout");
    }

    @Test
    void checks_tsv_has_a_heading_and_a_field_for_each_column() {
        String[] lines = ChecksTable.tsv(List.of(round(2000, 100, Map.of("reachable", 2000L))))
                .split("\n");

        assertThat(lines[0]).isEqualTo(String.join("\t", ChecksTable.COLUMNS));
        assertThat(lines[1].split("\t")).hasSize(ChecksTable.COLUMNS.size());
    }

    @Test
    void without_postgresql_on_this_machine_its_column_says_so() {
        CheckRound elsewhere = new CheckRound(
                2, "cold", 100, 10, 1, 2, 3, OptionalDouble.empty(), 4, OptionalLong.empty(), 200, Map.of(), "1.00");

        assertThat(ChecksTable.fields(elsewhere).get(8)).isEqualTo("-");
        assertThat(ChecksTable.fields(elsewhere).get(10)).isEqualTo("-");
    }
}
