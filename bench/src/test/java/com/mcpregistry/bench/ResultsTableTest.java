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
                new HttpFigures((long) (rps * 10), rps, p50, p50 * 3, errors, new Usage(351, 183, 21)),
                new PgbenchFigures((long) (tps * 10), tps, 0.47, 1.18, 0, new Usage(0, 120, 17)),
                "yes",
                endpoint.startsWith("POST") ? "-" : "index",
                "6.35",
                Optional.empty());
    }

    /** {@code result} with the floor's measurement of the same requests, its answers {@code json}. */
    static Result withFloor(Result result, double rps, FloorVerdict json) {
        return new Result(
                result.endpoint(),
                result.concurrency(),
                result.http(),
                result.pgbench(),
                result.sameSql(),
                result.plan(),
                result.load1(),
                Optional.of(new Result.Floor(
                        new HttpFigures((long) (rps * 10), rps, 1.05, 3.1, 0, new Usage(148.6, 121, 19)),
                        "yes",
                        json)));
    }

    @Test
    void a_table_line_has_the_columns_and_widths_of_the_readme_figures() {
        String text = ResultsTable.text(
                List.of(result("GET /v0.1/servers?limit=30 (first page)", 8, 3184.4, 2.36, 0, 14185.2)));

        assertThat(text.lines().toList())
                .containsExactly(
                        "endpoint                                                   conc   req/s  p50 ms  p99 ms"
                                + " pgbench    p50    p99 ratio ÷floor │ serve    pg  wrk │    pg  pgb   db× │   sql"
                                + "  plan load",
                        "GET /v0.1/servers?limit=30 (first page)                       8    3184    2.36    7.08"
                                + "   14185   0.47   1.18  0.22      - │   351   183   21 │   120   17  1.53 │   yes"
                                + " index 6.35");
    }

    @Test
    void a_row_the_floor_answers_has_its_ratio_and_the_floors_line_below_it() {
        String text = ResultsTable.text(List.of(withFloor(
                result("GET /v0.1/servers?limit=30 (first page)", 8, 3184.4, 2.36, 0, 14185.2),
                4549.1,
                new FloorVerdict(1, Optional.empty()))));

        assertThat(text.lines().skip(1).toList())
                .containsExactly(
                        "GET /v0.1/servers?limit=30 (first page)                       8    3184    2.36    7.08"
                                + "   14185   0.47   1.18  0.22   0.70 │   351   183   21 │   120   17  1.53 │   yes"
                                + " index 6.35",
                        "  floor: serve's bytes                                        8    4549    1.05    3.10"
                                + "                                    │   149   121   19 │                  │   yes");
    }

    @Test
    void a_floor_that_does_not_answer_with_serves_bytes_says_so_on_its_line() {
        String text = ResultsTable.text(List.of(withFloor(
                result("GET /registrations/{id}", 8, 9198, 0.81, 0, 60392),
                12000,
                new FloorVerdict(64, Optional.of("differs from serve's at byte 9 of GET /registrations/…")))));

        assertThat(text.lines().skip(2).findFirst().orElseThrow()).startsWith("  floor: NOT serve's bytes (below) ");
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
        assertThat(ResultsTable.fields(withFloor(
                                result(Targets.ANONYMOUS_PAGE, 8, 3184, 2.36, 0, 14185),
                                4549,
                                new FloorVerdict(1, Optional.empty())))
                        .subList(18, ResultsTable.COLUMNS.size()))
                .containsExactly("0.70", "1.53", "4549", "1.05", "3.10", "0", "149", "121", "yes", "same");
        assertThat(ResultsTable.p50s(tsv))
                .containsEntry("GET /registrations?status=Approved (page 7900 rows deep)|8", 2.16);
    }
}
