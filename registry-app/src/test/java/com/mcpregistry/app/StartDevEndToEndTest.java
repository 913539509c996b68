package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.http.testing.ApiClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code start-dev} and {@code token} as a developer runs them (SPEC §6), in child processes: the printed tokens
 * work, the data and the signing key under {@code ./.registry-dev/} survive a restart, and SIGTERM stops the
 * registry and its PostgreSQL with exit code 0.
 */
class StartDevEndToEndTest {
    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path workingDirectory;

    @AfterEach
    void killWhatIsLeft() throws Exception {
        for (Process process : processes) {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        // A test that failed half-way may leave the PostgreSQL of a killed start-dev behind.
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isPresent()) {
            postmaster.get().destroy();
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void start_dev_serves_with_its_printed_tokens_keeps_data_and_key_across_restarts_and_stops_on_sigterm()
            throws Exception {
        DevProcess first = startDev();
        String userToken = first.printed("export USER_TOKEN=");
        String adminToken = first.printed("export ADMIN_TOKEN=");
        String location = submit(first, userToken, "local");
        assertThat(send(first, location + "/status", adminToken, "PATCH", "{\"status\":\"Approved\",\"row_version\":1}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(first, "/dev/token", null, "POST", "{\"name\":\"Other Dev\",\"email\":\"other@dev.example\"}")
                        .statusCode())
                .isEqualTo(200);

        first.stop();
        assertThat(workingDirectory.resolve(".registry-dev/postgres/postmaster.pid"))
                .as("PostgreSQL stopped with the registry")
                .doesNotExist();

        String minted = tokenCommand("--admin", "--name", "Token Admin");
        DevProcess second = startDev();
        HttpResponse<String> kept = send(second, location, userToken, "GET", null);
        assertThat(kept.statusCode())
                .as("the first run's token and data, after a restart")
                .isEqualTo(200);
        JsonNode registration = RunningRegistry.json(kept);
        assertThat(registration.path("status").asText()).isEqualTo("Approved");
        assertThat(send(second, "/audit", minted, "GET", null).statusCode())
                .as("a token from the token command is an admin token")
                .isEqualTo(200);
        second.stop();
    }

    @Test
    void after_kill_9_of_start_dev_the_next_start_dev_stops_the_orphaned_postgres_and_keeps_the_data()
            throws Exception {
        DevProcess first = startDev();
        String userToken = first.printed("export USER_TOKEN=");
        String location = submit(first, userToken, "crash");

        first.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        ProcessHandle orphan =
                postmaster().orElseThrow(() -> new AssertionError("kill -9 of start-dev left no PostgreSQL running"));

        DevProcess second = startDev();
        assertThat(orphan.isAlive()).as("the orphaned postmaster was stopped").isFalse();
        HttpResponse<String> kept = send(second, location, userToken, "GET", null);
        assertThat(kept.statusCode()).as("the data from before the crash").isEqualTo(200);
        assertThat(RunningRegistry.json(kept).path("status").asText()).isEqualTo("Pending");
        second.stop();
        assertThat(postmaster()).as("PostgreSQL stopped with the registry").isEmpty();
    }

    @Test
    void a_second_start_dev_in_the_same_folder_is_refused_naming_the_first_ones_pid() throws Exception {
        DevProcess first = startDev();

        Finished second = finish(java("start-dev", "--port", "0"));

        assertThat(second.exitCode()).as(second.output()).isNotZero();
        assertThat(second.output())
                .contains("another start-dev (pid " + first.process().pid() + ") is using ./.registry-dev");
        assertThat(send(first, "/health", null, "GET", null).statusCode())
                .as("the first one runs on")
                .isEqualTo(200);
        first.stop();
    }

    @Test
    void start_dev_on_a_busy_port_refuses_before_creating_anything() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Finished run = finish(java("start-dev", "--port", Integer.toString(busy.getLocalPort())));

            assertThat(run.exitCode()).as(run.output()).isNotZero();
            assertThat(run.output()).contains("port " + busy.getLocalPort() + " on localhost is already in use");
            assertThat(workingDirectory.resolve(".registry-dev"))
                    .as("no folder, no key, no PostgreSQL")
                    .doesNotExist();
        }
    }

    @Test
    void token_in_a_folder_without_start_devs_key_refuses_saying_where_the_key_belongs_and_how_to_get_a_token()
            throws Exception {
        Process process = start(command("token")); // standard error kept apart
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isNotZero();
        assertThat(out).as("no token on stdout").isBlank();
        assertThat(err)
                .contains(workingDirectory
                        .toRealPath()
                        .resolve(".registry-dev")
                        .resolve("dev-token-signing-key.jwk.json")
                        .toString())
                .contains("run start-dev in this folder first")
                .contains("POST http://localhost:8080/dev/token");
        assertThat(workingDirectory.resolve(".registry-dev"))
                .as("only start-dev creates the key")
                .doesNotExist();
    }

    /** A command that ran to its end: its exit code and everything it wrote. */
    private record Finished(int exitCode, String output) {}

    private static Finished finish(Process process) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        return new Finished(process.exitValue(), output);
    }

    /** The PostgreSQL running on this test's {@code .registry-dev}, by its {@code postmaster.pid}. */
    private Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = workingDirectory.resolve(".registry-dev/postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().orElse("").endsWith("/postgres"));
    }

    /** A running {@code start-dev} and what it printed. */
    private record DevProcess(Process process, int port, List<String> output) {
        String printed(String prefix) {
            return output.stream()
                    .map(String::strip)
                    .filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(prefix.length()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("start-dev printed no " + prefix + ": " + output));
        }

        void stop() throws InterruptedException {
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("start-dev ends")
                    .isTrue();
            assertThat(process.exitValue()).as("exit code; output: %s", output).isZero();
        }
    }

    private DevProcess startDev() throws Exception {
        Process process = java("start-dev", "--port", "0");
        List<String> output = new CopyOnWriteArrayList<>();
        follow(process, output);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (output.stream().anyMatch(line -> line.strip().startsWith("export ADMIN_TOKEN="))) {
                String api = output.stream()
                        .map(String::strip)
                        .filter(line -> line.startsWith("API:"))
                        .findFirst()
                        .orElseThrow();
                int port = URI.create(api.substring("API:".length()).strip()).getPort();
                return new DevProcess(process, port, output);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("start-dev did not become ready: " + output);
    }

    private String tokenCommand(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("token"));
        args.addAll(List.of(options));
        Process process = java(args.toArray(String[]::new));
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out.lines().filter(line -> line.startsWith("ey")).findFirst().orElseThrow(() -> new AssertionError(out));
    }

    /** The application in a child JVM in this test's working directory, standard error merged into its output. */
    private Process java(String... args) throws IOException {
        return start(command(args).redirectErrorStream(true));
    }

    private ProcessBuilder command(String... args) {
        return CommandLineRun.childProcess(workingDirectory, args);
    }

    private Process start(ProcessBuilder command) throws IOException {
        Process process = command.start();
        processes.add(process);
        return process;
    }

    private static void follow(Process process, List<String> output) {
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            output.add(line);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                "start-dev-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Submits a new registration to {@code dev} and answers its location. */
    private String submit(DevProcess dev, String token, String namePrefix) throws Exception {
        HttpResponse<String> created = send(
                dev,
                "/registrations",
                token,
                "POST",
                RunningRegistry.write(Submissions.of(Submissions.uniqueName(namePrefix))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> send(DevProcess dev, String path, String token, String method, String json)
            throws Exception {
        ApiClient http = new ApiClient(dev::port, RunningRegistry::assertWellFormed);
        HttpRequest.Builder request = http.request(path, token);
        return http.send(
                json == null
                        ? request.method(method, HttpRequest.BodyPublishers.noBody())
                        : ApiClient.withJson(request, method, json));
    }
}
