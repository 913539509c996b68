package com.mcpregistry.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mcp-registry.jar}, run as an operator runs it: {@code migrate}, {@code serve}, {@code admin audit verify},
 * {@code demo-server} (and the floor, on its classes), with {@code DATABASE_URL}, the benchmark's identity provider,
 * {@code RATE_LIMITS=off} and {@code PROBE_WORKERS=0} in the environment, from the run directory (so that no {@code
 * .env} of the checkout is read).
 */
final class RegistryJar {

    private final Path jar;
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final RunDirectory run;
    private final Map<String, String> environment;
    private final List<String> serveJavaOptions;
    private final HttpClient http;

    RegistryJar(Path jar, RunDirectory run, DatabaseUrl database, List<String> serveJavaOptions, HttpClient http) {
        this.jar = jar;
        this.run = run;
        // Rate limits and quotas off: the benchmark is one client sending thousands of requests a second on purpose.
        // No scheduled checks either, but where the checks measurement asks for them: the seeded and submitted
        // registrations point at made-up hosts, and checking them would take CPU from what is measured.
        this.environment = new HashMap<>(Map.of(
                "DATABASE_URL", database.libpq(), "ENVIRONMENT", "bench", "RATE_LIMITS", "off", "PROBE_WORKERS", "0"));
        this.serveJavaOptions = List.copyOf(serveJavaOptions);
        this.http = http;
    }

    /** The identity provider every later {@code serve} trusts. */
    void trust(BenchIdentity identity) {
        environment.putAll(identity.serveEnvironment());
    }

    void migrate() {
        command("migrate").runOrFail(run.file("run.log"), "migrate");
    }

    /** {@code admin audit verify}'s verdict, its last line; fails when the trail does not verify. */
    String verifyAuditTrail() throws IOException {
        Path log = run.file("audit-verify.log");
        int status = command("admin", "audit", "verify").run(log);
        List<String> lines = Files.readAllLines(log);
        String verdict = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        if (status != 0) {
            throw new BenchmarkFailure("audit verify: " + verdict);
        }
        return verdict;
    }

    /**
     * Starts {@code java -Xmx256m <jvmOptions> $SERVE_JAVA_OPTS -jar mcp-registry.jar serve} on {@code port} with
     * {@code settings} added to the environment, its output appended to {@code log} in the run directory.
     */
    ServeProcess serve(int port, Map<String, String> settings, List<String> jvmOptions, String log, String what)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of(java.toString(), "-Xmx256m"));
        arguments.addAll(jvmOptions);
        arguments.addAll(serveJavaOptions);
        arguments.addAll(List.of("-jar", jar.toString(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(arguments)
                .directory(run.path().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(run.file(log).toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().putAll(settings);
        return ServeProcess.start(builder, URI.create("http://127.0.0.1:" + port), http, what);
    }

    /**
     * Starts the floor as serve starts: {@code java -Xmx256m $SERVE_JAVA_OPTS -cp mcp-registry.jar:<benchClasses>
     * com.mcpregistry.bench.Floor} with serve's environment (its DATABASE_URL), on {@code port}, running the read
     * scripts of {@code scripts} as user {@code reader}; ready, as serve, when {@code /health/ready} answers 200.
     */
    ServeProcess floor(int port, Path benchClasses, Path scripts, String reader, String log) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(java.toString(), "-Xmx256m"));
        arguments.addAll(serveJavaOptions);
        arguments.addAll(List.of(
                "-cp",
                jar + File.pathSeparator + benchClasses,
                Floor.class.getName(),
                "--port",
                Integer.toString(port),
                "--scripts",
                scripts.toString(),
                "--reader",
                reader));
        ProcessBuilder builder = new ProcessBuilder(arguments)
                .directory(run.path().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(run.file(log).toFile()));
        builder.environment().putAll(environment);
        return ServeProcess.start(builder, URI.create("http://127.0.0.1:" + port), http, "the floor");
    }

    /** Starts {@code java -jar mcp-registry.jar demo-server --port <port>}, its output in {@code log}. */
    DemoServerProcess demoServer(int port, String log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        java.toString(), "-jar", jar.toString(), "demo-server", "--port", Integer.toString(port))
                .directory(run.path().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(run.file(log).toFile()));
        return DemoServerProcess.start(builder, port);
    }

    private ExternalProgram command(String... arguments) {
        List<String> all = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
        all.addAll(List.of(arguments));
        return ExternalProgram.of(all).in(run.path()).environment(environment);
    }
}
