package com.mcpregistry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.bench.CpuMeter.Usage;
import com.mcpregistry.bench.Pgbench.PgbenchFigures;
import com.mcpregistry.bench.Wrk.HttpFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTableTest {

    static Result result(String endpoint, int concurrency, double rps, double p50, long errors, double tps) {
        return new Result(
                endpoint,
                concurrency,
                new HttpFigures((long) (rps * 10), rps, p50, p50 * 3, errors, new Usage("351", "183", "21")),
                new PgbenchFigures((long) (tps * 10), tps, 0.47, 1.18, 0, new Usage("0", "120", "17")),
                "yes",
                endpoint.startsWith("POST") ? "-" : "index",
                "6.35");
    }

    @Test
    void a_table_line_has_the_columns_and_widths_of_the_readme_figures() {
        String text = ResultsTable.text(
                List.of(result("GET /v0.1/servers?limit=30 (first page)", 8, 3184.4, 2.36, 0, 14185.2)));

        assertThat(text.lines().toList())
                .containsExactly(
                        "endpoint                                                   conc   req/s  p50 ms  p99 ms"
                                + " pgbench    p50    p99 ratio │ serve    pg  wrk │    pg  pgb │   sql  plan load",
                        "GET /v0.1/servers?limit=30 (first page)                       8    3184    2.36    7.08"
                                + "   14185   0.47   1.18  0.22 │   351   183   21 │   120   17 │   yes index 6.35");
    }

    @Test
    void http_errors_are_noted_at_the_end_of_their_line() {
        String text = ResultsTable.text(List.of(result("GET /registrations/{id}", 8, 9198, 0.81, 3, 60392)));

        assertThat(text.lines().skip(1).findFirst().orElseThrow()).endsWith("6.35  3 HTTP errors");
    }

    @Test
    void results_tsv_has_a_heading_and_one_line_per_result_that_a_later_run_reads_back(@TempDir Path dir)
            throws Exception {
        Path tsv = dir.resolve("results.tsv");
        Files.writeString(
                tsv,
                ResultsTable.tsv(List.of(
                        result("GET /registrations?status=Approved (page 7900 rows deep)", 8, 3462, 2.16, 0, 12784))));

        assertThat(Files.readAllLines(tsv).get(0)).isEqualTo(String.join("\t", ResultsTable.COLUMNS));
        assertThat(Files.readAllLines(tsv).get(1).split("\t")).hasSize(ResultsTable.COLUMNS.size());
        assertThat(ResultsTable.p50s(tsv))
                .containsEntry("GET /registrations?status=Approved (page 7900 rows deep)|8", 2.16);
    }

    @Test
    void the_targets_compare_deep_pages_of_any_depth_with_the_ten_thousand_row_run() {
        String summary = Targets.summary(
                List.of(
                        result("GET /registrations?status=Approved (page 10000 rows deep)", 8, 3375, 2.21, 0, 11878),
                        result(Targets.ANONYMOUS_PAGE, 8, 3253, 2.31, 0, 13740),
                        result(Targets.SIGNED_IN_PAGE, 8, 3311, 2.26, 0, 13790),
                        result("POST /registrations (+ audit event)", 8, 1180, 6.58, 0, 1280)),
                Optional.of(java.util.Map.of(
                        "GET /registrations?status=Approved (page 7900 rows deep)|8",
                        2.16,
                        Targets.ANONYMOUS_PAGE + "|8",
                        2.36)),
                1_000_000,
                new Targets.StartUp(1966, 2092, 1158, 359, 0));

        assertThat(summary)
                .contains("reads ≥ 70 % of pgbench:       0 of 3 read measurements; lowest 0.24 ("
                        + Targets.ANONYMOUS_PAGE + " c=8)")
                .contains("auth ≤ 15 % over anonymous:    c=8 -2 %  ")
                .contains("latency at 1000000 rows vs 10,000 (≤ 2×):")
                .contains("GET /registrations?status=Approved (page 10000 rows deep) c=8   p50   2.21 ms, at 10,000"
                        + " rows   2.16 ms: 1.0×")
                .contains("writes ≥ 1,000/s:              met (best 1180/s)")
                .contains("serve ready < 3 s:             met (1966 ms first start, 2092 ms median of 3 more)")
                .contains("-Xmx256m at full load:         met: no errors, no OutOfMemoryError; peak RSS 359 MiB")
                .doesNotContain(", signed in  c=8   p50");
        assertThat(summary.lines().filter(line -> line.startsWith("    ")))
                .as("the rows compared with 10,000 rows: the signed-in page has no counterpart there")
                .hasSize(2)
                .noneMatch(line -> line.contains("signed in"));
    }

    @Test
    void a_deep_page_is_one_row_at_any_depth() {
        assertThat(Targets.anyDepth("GET /v0.1/servers?limit=30 (page 8400 deep)"))
                .isEqualTo(Targets.anyDepth("GET /v0.1/servers?limit=30 (page 10000 deep)"));
    }
}
