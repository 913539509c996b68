package com.mcpregistry.bench;

import static com.mcpregistry.bench.ResultsTableTest.result;
import static com.mcpregistry.bench.ResultsTableTest.withFloor;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.bench.CpuMeter.Usage;
import com.mcpregistry.bench.Pgbench.PgbenchFigures;
import com.mcpregistry.bench.Wrk.HttpFigures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetsTest {

    private static final Targets.StartUp QUICK_AND_SMALL = new Targets.StartUp(1210, 1190, 800, 301, 0);

    @Test
    void the_targets_compare_deep_pages_of_any_depth_with_the_ten_thousand_row_run() {
        String summary = Targets.summary(
                List.of(
                        result("GET /registrations?status=Approved (page 10000 rows deep)", 8, 3375, 2.21, 0, 11878),
                        result(Targets.ANONYMOUS_PAGE, 8, 3253, 2.31, 0, 13740),
                        result(Targets.SIGNED_IN_PAGE, 8, 3311, 2.26, 0, 13790),
                        result("POST /registrations (+ audit event)", 8, 1180, 6.58, 0, 1280)),
                Optional.of(Map.of(
                        "GET /registrations?status=Approved (page 7900 rows deep)|8",
                        2.16,
                        Targets.ANONYMOUS_PAGE + "|8",
                        2.36)),
                1_000_000,
                new Targets.StartUp(1966, 2092, 1158, 359, 0));

        assertThat(summary)
                .contains("auth ≤ 15 % over anonymous:    c=8 -2 %  ")
                .contains("latency at 1000000 rows vs 10,000 (≤ 2×):")
                .contains("GET /registrations?status=Approved (page 10000 rows deep) c=8   p50   2.21 ms, at 10,000"
                        + " rows   2.16 ms: 1.0×")
                .contains("writes ≥ 1,000/s:              met (best 1180/s)")
                .contains("serve ready < 1.5 s:           NOT met (1966 ms first start, 2092 ms median of 3 more)")
                .contains("≤ 320 MiB RSS, -Xmx256m:       NOT met: peak RSS 359 MiB, 0 HTTP errors, 0"
                        + " OutOfMemoryError")
                .doesNotContain("reads ≥ 70 %")
                .doesNotContain(", signed in  c=8   p50");
        assertThat(summary.lines().filter(line -> line.startsWith("    ")))
                .as("the rows compared with 10,000 rows: the signed-in page has no counterpart there")
                .hasSize(2)
                .noneMatch(line -> line.contains("signed in"));
    }

    @Test
    void the_database_cost_is_judged_on_every_read_and_names_the_highest() {
        String summary = Targets.summary(
                List.of(
                        read("GET /registrations?status=Approved (first page)", 3200, 12000, 105, 100),
                        read("GET /registrations/{id}", 9000, 50000, 60, 50),
                        read("POST /registrations (+ audit event)", 1200, 1300, 700, 500)),
                Optional.empty(),
                10_000,
                QUICK_AND_SMALL);

        assertThat(summary)
                .contains("database ≤ 1.10× pgbench's:    NOT met: 1 of 2 read measurements (db×); highest 1.20"
                        + " (GET /registrations/{id} c=8)\n");
    }

    @Test
    void the_service_cost_is_judged_on_the_floor_rows_and_the_searches_against_pgbench() {
        FloorVerdict same = new FloorVerdict(1, Optional.empty());
        String summary = Targets.summary(
                List.of(
                        withFloor(
                                read("GET /registrations?status=Approved (first page)", 3200, 12000, 100, 100),
                                3900,
                                same),
                        withFloor(read("GET /registrations/{id}", 9000, 50000, 50, 50), 12000, same),
                        read("GET /registrations?search=quokka (1 % of rows)", 450, 520, 3800, 3700),
                        read("GET /v0.1/servers?search=quokka (1 % of rows)", 600, 1000, 1600, 1500)),
                Optional.empty(),
                10_000,
                QUICK_AND_SMALL);

        assertThat(summary)
                .contains("service ≥ 0.80× the floor's:   NOT met: 1 of 2 floor measurements (÷floor); lowest 0.75"
                        + " (GET /registrations/{id} c=8)\n")
                .contains("searches ≥ 0.70× pgbench's:    NOT met: 1 of 2 search measurements (ratio); lowest 0.60"
                        + " (GET /v0.1/servers?search=quokka (1 % of rows) c=8)\n")
                .contains("serve ready < 1.5 s:           met (1210 ms first start, 1190 ms median of 3 more)")
                .contains("≤ 320 MiB RSS, -Xmx256m:       met: peak RSS 301 MiB, 0 HTTP errors, 0 OutOfMemoryError");
    }

    @Test
    void a_floor_whose_answers_are_not_serves_meets_no_service_target() {
        String summary = Targets.summary(
                List.of(withFloor(
                        read("GET /registrations/{id}", 9000, 50000, 50, 50),
                        9500,
                        new FloorVerdict(64, Optional.of("differs from serve's at byte 3 of GET /registrations/…")))),
                Optional.empty(),
                10_000,
                QUICK_AND_SMALL);

        assertThat(summary)
                .contains("service ≥ 0.80× the floor's:   NOT met: 1 of 1 floor measurements (÷floor); lowest 0.95"
                        + " (GET /registrations/{id} c=8); the floor's JSON differs from serve's (below the table): not"
                        + " a floor");
    }

    /** A read at concurrency 8 with PostgreSQL's CPU per request of HTTP and per transaction of pgbench. */
    private static Result read(String endpoint, double rps, double tps, double pgHttp, double pgPgbench) {
        return new Result(
                endpoint,
                8,
                new HttpFigures((long) (rps * 10), rps, 2.0, 6.0, 0, new Usage(300, pgHttp, 20)),
                new PgbenchFigures((long) (tps * 10), tps, 0.5, 1.2, 0, new Usage(0, pgPgbench, 15)),
                "yes",
                endpoint.startsWith("POST") ? "-" : "index",
                "1.20",
                Optional.empty());
    }
}
