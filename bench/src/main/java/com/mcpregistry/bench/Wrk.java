package com.mcpregistry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** wrk, the HTTP load generator, with bench/wrk/bench.lua: one thread, {@code c} connections, one row at a time. */
final class Wrk {

    private static final Pattern RESULT = Pattern.compile(
            "^RESULT requests=(\\d+) duration_us=(\\d+) errors=(\\d+) p50_us=(\\d+) p99_us=(\\d+)", Pattern.MULTILINE);

    private final Path wrk;
    private final Path script;
    private final Path outputs;
    private final Path tokens;
    private final CpuMeter cpu;

    Wrk(Path wrk, Path script, Path outputs, Path tokens, CpuMeter cpu) {
        this.wrk = wrk;
        this.script = script;
        this.outputs = outputs;
        this.tokens = tokens;
        this.cpu = cpu;
    }

    /** Runs {@code row} for {@code seconds}; {@code tag} tells warm-ups apart in the output's file name. */
    HttpFigures run(Row row, int concurrency, int seconds, String tag) throws IOException {
        Path output = outputs.resolve(row.slug() + "-c" + concurrency + tag + ".out");
        Map<String, String> environment = new HashMap<>();
        environment.put("BENCH_PATHS", row.paths().map(Path::toString).orElse(""));
        environment.put("BENCH_TOKENS", row.signedIn() ? tokens.toString() : "");
        environment.put(
                "BENCH_SUBMIT",
                row.isRead()
                        ? ""
                        : "r" + ThreadLocalRandom.current().nextInt(1_000_000_000) + "-c" + concurrency + tag);
        CpuMeter.Sample before = cpu.sample(OptionalLong.of(row.serve().pid()));
        ExternalProgram.of(List.of(
                        wrk.toString(),
                        "-t1",
                        "-c" + concurrency,
                        "-d" + seconds + "s",
                        "--timeout",
                        "10s",
                        "-s",
                        script.toString(),
                        row.serve().base().toString()))
                .environment(environment)
                .runOrFail(output, "wrk");
        CpuMeter.Sample after = cpu.sample(OptionalLong.of(row.serve().pid()));
        Matcher result = RESULT.matcher(Files.readString(output));
        if (!result.find()) {
            throw new BenchmarkFailure("wrk printed no RESULT line (see " + output + ")");
        }
        long requests = Long.parseLong(result.group(1));
        double durationSeconds = Long.parseLong(result.group(2)) / 1e6;
        return new HttpFigures(
                requests,
                requests / durationSeconds,
                Long.parseLong(result.group(4)) / 1000.0,
                Long.parseLong(result.group(5)) / 1000.0,
                Long.parseLong(result.group(3)),
                cpu.perRequest(before, after, requests));
    }

    /**
     * What one wrk run measured; errors are non-2xx/3xx answers and socket errors.
     *
     * @param cpu per request: serve's, PostgreSQL's and wrk's
     */
    record HttpFigures(
            long requests, double requestsPerSecond, double p50Ms, double p99Ms, long errors, CpuMeter.Usage cpu) {}
}
