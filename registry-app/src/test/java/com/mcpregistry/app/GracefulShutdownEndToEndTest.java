package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.postgres.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SIGTERM to a real registry process (SPEC §5a): it stops accepting, lets the request in flight finish, closes the
 * pool and exits. The process is {@link SlowRouteServer} on this test's class path, so that a request can be kept
 * in flight on purpose.
 */
class GracefulShutdownEndToEndTest {
    @RegisterExtension
    static final TestDatabase database = TestDatabase.migrated();

    private static final Duration SLOW_REQUEST = Duration.ofSeconds(3);

    private final List<String> output = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private Process process;

    @AfterEach
    void killWhatIsLeft() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void sigterm_lets_the_request_in_flight_finish_refuses_new_ones_and_exits_cleanly() throws Exception {
        process = start();
        int port =
                Integer.parseInt(awaitLine("listening ", Duration.ofSeconds(60)).substring("listening ".length()));
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        awaitLine("slow request started", Duration.ofSeconds(10));
        long terminated = System.nanoTime();

        process.destroy(); // SIGTERM

        assertThat(newRequestsAreRefused(port, SLOW_REQUEST.minusMillis(500)))
                .as("no new request is served while the slow one drains")
                .isTrue();
        HttpResponse<String> finished = slow.get(20, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo("slow request done");
        assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("the process ends").isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - terminated);
        assertThat(took).isLessThan(SLOW_REQUEST.plusSeconds(10));
        assertThat(process.exitValue()).as("exit code; output: %s", output).isZero();
    }

    private Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process started = new ProcessBuilder(
                        java,
                        "-Xmx128m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SlowRouteServer.class.getName(),
                        database.jdbcUrl(),
                        Long.toString(SLOW_REQUEST.toMillis()))
                .redirectErrorStream(true)
                .start();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            output.add(line);
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                "slow-route-server-output");
        reader.setDaemon(true);
        reader.start();
        return started;
    }

    private String awaitLine(String prefix, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line == null && !process.isAlive()) {
                break;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' from the server; it wrote: " + output);
    }

    /** Whether, within {@code patience}, a new connection is refused or answered 503 (polled, new client each time). */
    private static boolean newRequestsAreRefused(int port, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            HttpClient fresh = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofMillis(500))
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
            try {
                HttpResponse<String> answer = fresh.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
                                .timeout(Duration.ofMillis(500))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 503) {
                    return true;
                }
            } catch (IOException refused) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
