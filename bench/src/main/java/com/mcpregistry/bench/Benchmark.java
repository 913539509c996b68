package com.mcpregistry.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The registry's benchmark (SPEC §7): each endpoint through HTTP against pgbench running the very same SQL on the
 * same database at the same concurrency, three of them against a floor too ({@link Floor}), then what an admission
 * check costs (SPEC §10). bench/run launches it;
 * bench/README.md says what it measures.
 */
@Command(
        name = "bench/run",
        sortOptions = false,
        usageHelpWidth = 120,
        description = {
            "Measures every endpoint through HTTP (wrk) against pgbench running the same statements with the same"
                    + " values on the same database, three reads against a floor too (a bare Jetty handler that"
                    + " gives the same answers), and prints one table (also under bench/out/rows-<N>-<time>/);"
                    + " then what admission checks of remote MCP servers cost, in a second table.",
            "",
            "Needs a JDK 17+ and, to build, Maven; wrk, pgbench and psql are installed with apt-get when missing (as"
                    + " root), or named."
        },
        footer = {"", "Environment: SERVE_JAVA_OPTS adds JVM options to `java -Xmx256m -jar mcp-registry.jar serve`."})
public final class Benchmark implements Callable<Integer> {

    private static final int USERS = 64;
    private static final int IDS = 64;
    private static final int DEEP = 10_000;

    @Option(
            names = "--rows",
            paramLabel = "N",
            description = "registrations to seed (default ${DEFAULT-VALUE}; the SPEC's sizes are 10000 and 1000000)")
    int rows = 10_000;

    @Option(
            names = "--database-url",
            paramLabel = "URL",
            description =
                    "a PostgreSQL server to use instead of the embedded one: jdbc:postgresql://…?user=…&password=…"
                            + " or postgresql://user:password@host:port/db, of a role that may create databases."
                            + " The benchmark"
                            + " creates (and first drops) the database mcp_registry_bench on that server.")
    String databaseUrl;

    @Option(names = "--duration", paramLabel = "S", description = "seconds per measurement (default ${DEFAULT-VALUE})")
    int duration = 10;

    @Option(
            names = "--warmup",
            paramLabel = "S",
            description = "seconds of warm-up per endpoint before measuring (default ${DEFAULT-VALUE})")
    int warmup = 8;

    @Option(
            names = "--concurrency",
            paramLabel = "\"1 8 32\"",
            description = "connections (wrk) and clients (pgbench) per measurement (default \"${DEFAULT-VALUE}\")")
    String concurrency = "1 8 32";

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "ports for serve: N, N+1 for a second instance with REGISTRY_PUBLIC_API=authenticated, N+2"
                    + " for the start-up measurements and the checking serve; N+3 for the demo MCP server; N+4 for"
                    + " the floor (default ${DEFAULT-VALUE})")
    int port = 18080;

    @Option(
            names = "--checks",
            paramLabel = "N",
            description = "remotes the admission checks measurement checks, each a path of one demo MCP server"
                    + " (default ${DEFAULT-VALUE}; 0: the endpoints only, no admission checks)")
    int checks = 2_000;

    @Option(
            names = "--check-workers",
            paramLabel = "\"2 8\"",
            description = "PROBE_WORKERS of the checking serve, a serve each (default \"${DEFAULT-VALUE}\")")
    String checkWorkers = "2 8";

    @Option(
            names = "--checks-only",
            description = "measure only what admission checks cost (no endpoints, so neither wrk nor pgbench)")
    boolean checksOnly;

    @Option(
            names = "--pg-port",
            paramLabel = "N",
            description = "port for the embedded PostgreSQL (default ${DEFAULT-VALUE})")
    int pgPort = 55433;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help")
    boolean help;

    @Option(
            names = "--build",
            description = "rebuild the jars first (default: only when they are missing; bench/run does it before"
                    + " starting this program)")
    boolean build;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public static void main(String[] args) {
        System.exit(new CommandLine(new Benchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Integer> concurrencies = numbers(concurrency);
        List<Integer> workerCounts = numbers(checkWorkers);
        if (rows < 1000) {
            System.err.println("bench/run: --rows must be a number >= 1000");
            return 2;
        }
        if (checks < (checksOnly ? 1 : 0)
                || workerCounts.isEmpty()
                || workerCounts.stream().anyMatch(w -> w < 1 || w > 64)) {
            System.err.println("bench/run: --checks must be at least 0 (1 with --checks-only) and --check-workers"
                    + " numbers from 1 to 64");
            return 2;
        }
        Path checkout = checkout();
        Path bench = checkout.resolve("bench");
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
        RunDirectory run =
                RunDirectory.create(bench.resolve("out"), checksOnly ? "checks-" + checks : "rows-" + rows, started);
        Teardown teardown = new Teardown();
        try (teardown) {
            run(checkout, run, concurrencies, workerCounts, started, teardown);
            return 0;
        } catch (BenchmarkFailure e) {
            run.log(
                    teardown.interrupted()
                            ? "interrupted: everything it started is stopped"
                            : "FAILED: " + e.getMessage());
            return 1;
        } catch (Exception | Error e) {
            run.log("FAILED: " + e);
            throw e;
        }
    }

    private void run(
            Path checkout,
            RunDirectory run,
            List<Integer> concurrencies,
            List<Integer> workerCounts,
            ZonedDateTime started,
            Teardown teardown)
            throws Exception {
        Path bench = checkout.resolve("bench");
        Optional<Tools> tools = checksOnly ? Optional.empty() : Optional.of(Tools.locate(run));
        Path psql = tools.isPresent() ? tools.get().psql() : Tools.psql(run);

        PostgresServer server;
        if (databaseUrl == null) {
            requireFree(pgPort, "--pg-port");
            run.log("starting embedded PostgreSQL 17 on 127.0.0.1:" + pgPort + " (data in bench/out/pgdata)");
            server = teardown.add(BenchPostgres.start(bench.resolve("out/pgdata"), pgPort, run.file("postgres.log")));
        } else {
            server = new PostgresServer.External(DatabaseUrl.parse(databaseUrl));
        }
        BenchDatabase database = BenchDatabase.createOn(server);
        String pgVersion = database.value("SHOW server_version");

        RegistryJar registry = new RegistryJar(
                checkout.resolve("registry-app/target/mcp-registry.jar"),
                run,
                database.url(),
                serveJavaOptions(),
                http);
        run.log("migrating the schema (mcp-registry migrate)");
        registry.migrate();
        ProcFs proc = ProcFs.open();
        CpuMeter cpu = new CpuMeter(proc, server.postmasterPid());
        // Every serve trusts it, the checking one too: serve needs an identity provider to start.
        run.log("starting the benchmark's JWKS on loopback and minting " + USERS + " user tokens");
        BenchIdentity identity = teardown.add(BenchIdentity.start(USERS, run.file("identity")));
        registry.trust(identity);

        Path results = run.file("results.txt");
        String report;
        if (tools.isPresent()) {
            report = measureEndpoints(
                    checkout,
                    run,
                    tools.get(),
                    server,
                    pgVersion,
                    database,
                    registry,
                    identity,
                    started,
                    concurrencies,
                    teardown,
                    proc,
                    cpu);
        } else {
            report = String.join("\n", checksHeader(checkout, started, server, pgVersion)) + "\n";
        }
        System.out.print(report);
        Files.writeString(results, report);

        if (checks > 0) {
            String checksReport =
                    measureChecks(bench, run, psql, database, registry, teardown, proc, cpu, workerCounts);
            System.out.print("\n" + checksReport);
            Files.writeString(results, report + "\n" + checksReport);
        }

        Path link = bench.resolve(checksOnly ? "out/latest-checks" : "out/latest-" + rows);
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, run.path().getFileName());
        run.log("results in " + checkout.relativize(results));
    }

    /** The endpoints against pgbench, start-up and memory: the report up to its targets. */
    private String measureEndpoints(
            Path checkout,
            RunDirectory run,
            Tools tools,
            PostgresServer server,
            String pgVersion,
            BenchDatabase database,
            RegistryJar registry,
            BenchIdentity identity,
            ZonedDateTime started,
            List<Integer> concurrencies,
            Teardown teardown,
            ProcFs proc,
            CpuMeter cpu)
            throws Exception {
        Path bench = checkout.resolve("bench");
        run.log("seeding " + rows + " registrations (bench/sql/seed.sql)");
        long seedSeconds = database.seed(
                        tools.psql(),
                        bench.resolve("sql/seed.sql"),
                        Map.of("rows", Integer.toString(rows)),
                        run.file("seed.log"))
                .toSeconds();
        run.log("seeded in " + seedSeconds + " s");
        StatementCheck statements = StatementCheck.enable(database, run);

        for (int p = port; p <= port + 4; p++) {
            requireFree(p, "--port");
        }
        run.log("starting serve (java -Xmx256m " + String.join(" ", serveJavaOptions())
                + " -jar mcp-registry.jar serve)");
        ServeProcess anonymous = teardown.add(registry.serve(port, Map.of(), List.of(), "serve.log", "serve"));
        long readyMs = anonymous.readyAfter().toMillis();
        run.log("serve ready in " + readyMs + " ms");
        // A second instance on the same database with REGISTRY_PUBLIC_API=authenticated: the MCP Registry API with a
        // token, against the first instance's anonymous one, isolates what authentication costs.
        ServeProcess authenticated = teardown.add(registry.serve(
                port + 1,
                Map.of("REGISTRY_PUBLIC_API", "authenticated"),
                List.of(),
                "serve-authenticated.log",
                "the second serve"));

        // Every benchmark user signs in once (the first sign-in creates the user), and the user rows get statistics.
        for (String token : identity.accessTokens()) {
            HttpResponse<Void> me = http.send(
                    HttpRequest.newBuilder(anonymous.base().resolve("/users/me"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (me.statusCode() != 200) {
                throw new BenchmarkFailure("a benchmark token was refused (" + me.statusCode() + ")");
            }
        }
        database.execute("ANALYZE users");
        // The user pgbench acts as. serve remembers a signed-in user for 5 s (SIGN_IN_CACHE_SECONDS), so the
        // endpoints run no user lookup per request and neither do the pgbench scripts.
        String userId = database.value(
                "SELECT id FROM users WHERE tid = ? AND oid = ?", identity.tenantId(), identity.firstOid());

        // The floor reads as that user too, without a token.
        run.log("starting the floor (java -Xmx256m -cp mcp-registry.jar:registry-bench.jar"
                + " com.mcpregistry.bench.Floor) on 127.0.0.1:" + (port + 4));
        ServeProcess floor =
                teardown.add(registry.floor(port + 4, benchClasses(), bench.resolve("pgbench"), userId, "floor.log"));
        long floorReadyMs = floor.readyAfter().toMillis();

        String firstToken = identity.accessTokens().get(0);
        Answers answers = new Answers(http);
        List<Row> rowsToMeasure = new Rows(
                        bench.resolve("pgbench"), run.file("scripts"), database, new CursorWalker(http), answers)
                .all(anonymous, authenticated, floor, firstToken, IDS, DEEP);
        Map<Row, FloorVerdict> floorAnswers = new LinkedHashMap<>();
        for (Row row : rowsToMeasure) {
            if (row.floor().isPresent()) {
                FloorVerdict verdict = FloorVerdict.of(row, answers, firstToken);
                run.log("the floor's JSON for " + row.name() + ": " + verdict.text());
                floorAnswers.put(row, verdict);
            }
        }

        Wrk wrk = new Wrk(tools.wrk(), bench.resolve("wrk/bench.lua"), run.file("wrk"), identity.tokensFile(), cpu);
        Pgbench pgbench = new Pgbench(tools.pgbench(), database.url(), userId, run, cpu);
        List<Result> results = new Measurements(run, wrk, pgbench, statements, rows, warmup, duration)
                .all(rowsToMeasure, concurrencies, authenticated, floorAnswers);

        if (!anonymous.isAlive()) {
            throw new BenchmarkFailure("serve stopped during the run (see " + run.file("serve.log") + ")");
        }
        if (!authenticated.isAlive()) {
            throw new BenchmarkFailure(
                    "the second serve stopped during the run (see " + run.file("serve-authenticated.log") + ")");
        }
        if (!floor.isAlive()) {
            throw new BenchmarkFailure("the floor stopped during the run (see " + run.file("floor.log") + ")");
        }
        long peakRssMib = proc.peakRssKib(anonymous.pid()).orElse(0) / 1024;
        long peakRssSignedInMib = proc.peakRssKib(authenticated.pid()).orElse(0) / 1024;
        long floorPeakRssMib = proc.peakRssKib(floor.pid()).orElse(0) / 1024;
        teardown.stop(floor);
        long outOfMemory = countOutOfMemoryErrors(run.file("serve.log"), run.file("serve-authenticated.log"));
        String audit = registry.verifyAuditTrail();

        // Start-up again, now that nothing else runs: three starts as above, and three with an AppCDS archive of the
        // classes serve loads (made by one start that writes it at exit), a JDK 17 option for deployments.
        run.log("start-up: 3 starts, then 3 with an AppCDS archive");
        Path archive = run.file("serve.jsa");
        long readyAgain = medianStart(registry, teardown, List.of());
        startOnce(registry, teardown, List.of("-XX:ArchiveClassesAtExit=" + archive));
        long readyWithArchive = medianStart(registry, teardown, List.of("-XX:SharedArchiveFile=" + archive));
        // The checks measurement has the machine to itself.
        teardown.stop(authenticated);
        teardown.stop(anonymous);

        Optional<Map<String, Double>> tenThousand = Optional.empty();
        Path latest = bench.resolve("out/latest-10000/results.tsv");
        if (rows != 10_000 && Files.exists(latest)) {
            tenThousand = Optional.of(ResultsTable.p50s(latest));
        }
        Targets.StartUp startUp = new Targets.StartUp(readyMs, readyAgain, readyWithArchive, peakRssMib, outOfMemory);
        return new Report(
                        header(checkout, started, server, pgVersion, tools),
                        results,
                        startUp,
                        peakRssSignedInMib,
                        new Report.FloorRun(floorReadyMs, floorPeakRssMib, floorAnswers),
                        rows,
                        seedSeconds,
                        audit,
                        Targets.summary(results, tenThousand, rows, startUp))
                .text();
    }

    /**
     * What an admission check costs: the demo MCP server, {@code --checks} registrations with a remote on it each,
     * then {@link CheckMeasurement}; returns the report's section.
     */
    private String measureChecks(
            Path bench,
            RunDirectory run,
            Path psql,
            BenchDatabase database,
            RegistryJar registry,
            Teardown teardown,
            ProcFs proc,
            CpuMeter cpu,
            List<Integer> workerCounts)
            throws Exception {
        int checkingPort = port + 2;
        int demoPort = port + 3;
        requireFree(checkingPort, "--port");
        requireFree(demoPort, "--port");
        run.log("checks: starting the demo MCP server (mcp-registry.jar demo-server) on 127.0.0.1:" + demoPort);
        DemoServerProcess demo = teardown.add(registry.demoServer(demoPort, "demo-server.log"));
        run.log("checks: seeding " + checks + " published registrations with a remote each on the demo server"
                + " (bench/sql/seed-checks.sql)");
        long seedSeconds = database.seed(
                        psql,
                        bench.resolve("sql/seed-checks.sql"),
                        Map.of("checks", Integer.toString(checks), "port", Integer.toString(demoPort)),
                        run.file("seed-checks.log"))
                .toSeconds();
        List<CheckRound> rounds = new CheckMeasurement(
                        run, database, registry, teardown, proc, cpu, demo, checks, checkingPort)
                .all(workerCounts);
        teardown.stop(demo);
        long outOfMemory = countOutOfMemoryErrors(run.file("serve-checks.log"));
        return String.join(
                "\n",
                "Admission checks (SPEC §10): " + checks + " published registrations, each with a remote at a path of"
                        + " its own on the demo MCP",
                "server (demo-server, 127.0.0.1:" + demoPort + "); for each number of workers a serve (-Xmx256m,"
                        + " PROBE_ALLOWED_NETWORKS=127.0.0.0/8)",
                "running two rounds; a round makes all " + checks
                        + " due at once and ends when each has a check recorded.",
                "",
                ChecksTable.text(rounds),
                ChecksTable.NOTES,
                "seeding: " + checks + " registrations in " + seedSeconds + " s; "
                        + (outOfMemory == 0
                                ? "no OutOfMemoryError"
                                : outOfMemory + " OutOfMemoryError in serve-checks.log"),
                "");
    }

    /** The median of three starts' times to ready. */
    private long medianStart(RegistryJar registry, Teardown teardown, List<String> jvmOptions) throws Exception {
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starts.add(startOnce(registry, teardown, jvmOptions));
        }
        return Targets.median(starts);
    }

    /**
     * Starts serve, waits until it is ready, asks for the first catalogue page and stops it; returns its time to
     * ready.
     */
    private long startOnce(RegistryJar registry, Teardown teardown, List<String> jvmOptions) throws Exception {
        ServeProcess serve = teardown.add(registry.serve(port + 2, Map.of(), jvmOptions, "serve-starts.log", "serve"));
        http.send(
                HttpRequest.newBuilder(serve.base().resolve("/v0.1/servers?limit=30"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        teardown.stop(serve);
        return serve.readyAfter().toMillis();
    }

    private List<String> header(
            Path checkout, ZonedDateTime started, PostgresServer server, String pgVersion, Tools tools) {
        return List.of(
                "MCP registry benchmark — " + rows + " registrations, " + when(checkout, started),
                machine(server, pgVersion) + "; " + tools.versions() + "; " + javaVersion(),
                "each row: " + duration + " s at each concurrency after a " + warmup
                        + " s warm-up; wrk -t1 -c<concurrency>; pgbench -j1 -c<concurrency> on the same database");
    }

    private List<String> checksHeader(Path checkout, ZonedDateTime started, PostgresServer server, String pgVersion) {
        return List.of(
                "MCP registry benchmark — admission checks of " + checks + " remotes, " + when(checkout, started),
                machine(server, pgVersion) + "; " + javaVersion());
    }

    private static String when(Path checkout, ZonedDateTime started) {
        String commit = ExternalProgram.of("git", "-C", checkout.toString(), "rev-parse", "--short", "HEAD")
                .output()
                .trim();
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(started) + ", commit "
                + (commit.matches("[0-9a-f]+") ? commit : "?");
    }

    private static String machine(PostgresServer server, String pgVersion) {
        OperatingSystemMXBean system = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long memoryGib = Math.round(system.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        return "machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + memoryGib + " GiB; PostgreSQL "
                + pgVersion + " (" + server.description() + ")";
    }

    private static String javaVersion() {
        return ExternalProgram.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .output()
                .lines()
                .findFirst()
                .orElse("?");
    }

    private static List<Integer> numbers(String list) {
        return Arrays.stream(list.trim().split("[\\s,]+"))
                .filter(number -> !number.isEmpty())
                .map(Integer::valueOf)
                .toList();
    }

    private static long countOutOfMemoryErrors(Path... logs) throws IOException {
        long count = 0;
        for (Path log : logs) {
            if (Files.exists(log)) {
                try (var lines = Files.lines(log)) {
                    count += lines.filter(line -> line.contains("OutOfMemoryError"))
                            .count();
                }
            }
        }
        return count;
    }

    private static List<String> serveJavaOptions() {
        String options = System.getenv().getOrDefault("SERVE_JAVA_OPTS", "").trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    private static void requireFree(int port, String option) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        } catch (IOException free) {
            return;
        }
        throw new BenchmarkFailure("port " + port + " is in use; choose another with " + option);
    }

    /** The checkout this jar was built in: bench/target/registry-bench.jar (or bench/target/classes) → ../../.. */
    private static Path checkout() throws URISyntaxException {
        return benchClasses().getParent().getParent().getParent();
    }

    /** bench/target/registry-bench.jar, or bench/target/classes: where the floor's classes are too. */
    private static Path benchClasses() throws URISyntaxException {
        return Path.of(Benchmark.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }
}
