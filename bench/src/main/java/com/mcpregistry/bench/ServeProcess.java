package com.mcpregistry.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One {@code java -Xmx256m -jar mcp-registry.jar serve}, started by {@link RegistryJar#serve} the same way for the
 * anonymous instance, the authenticated one and the start-up measurements, or the floor ({@link RegistryJar#floor}),
 * started as serve is; ready once {@code /health/ready} answers 200. Closing it sends SIGTERM, and SIGKILL if it has not stopped after 10 s.
 */
final class ServeProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final Process process;
    private final URI base;
    private final Duration readyAfter;

    private ServeProcess(Process process, URI base, Duration readyAfter) {
        this.process = process;
        this.base = base;
        this.readyAfter = readyAfter;
    }

    /** Starts it and waits until it is ready; {@code what} names it in messages. */
    static ServeProcess start(ProcessBuilder builder, URI base, HttpClient http, String what) throws IOException {
        long start = System.nanoTime();
        Process process = builder.start();
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new BenchmarkFailure(
                            what + " stopped (see " + builder.redirectOutput().file() + ")");
                }
                if (System.nanoTime() - start > READY_WITHIN.toNanos()) {
                    stop(process);
                    throw new BenchmarkFailure(what + " was not ready within " + READY_WITHIN.toSeconds() + " s");
                }
                if (answersOk(http, ready)) {
                    return new ServeProcess(process, base, Duration.ofNanos(System.nanoTime() - start));
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new BenchmarkFailure("interrupted");
        }
    }

    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    /** From the process's start to the first 200 from {@code /health/ready}. */
    Duration readyAfter() {
        return readyAfter;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stop(process);
    }

    private static boolean answersOk(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** SIGTERM, and SIGKILL if it has not stopped after 10 s: for the other programs the benchmark starts too. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
