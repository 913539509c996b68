package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.api.RequestBodyLimits;
import com.mcpregistry.http.shared.Access;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients that hold connections open (issue 11 point 1): bodies sent a byte at a time take no request thread and are
 * cut off, one address may only have so many arriving at once, and health checks answer whatever holds the request
 * threads. Real sockets against the registry as {@code serve} runs it, with short limits so that the test is quick.
 */
class SlowClientsEndToEndTest {
    // Long enough for a loaded 2-core machine to open every slow connection and ask the others well within it.
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(8);
    private static final int ARRIVING_PER_CLIENT = 40;
    /** As many as Jetty has request threads: enough to hold every one of them if a body held a thread. */
    private static final int SLOW_CLIENTS = 250;

    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    private static final int SMALL_POOL = 24;
    private static final long SLOW_ROUTE_MILLIS = 5_000;
    private static final CountDownLatch SLOW_ROUTE_RELEASE = new CountDownLatch(1);

    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard()
            .with(new ApiSettings(List.of())
                    .withRequestBodies(new RequestBodyLimits(BODY_TIMEOUT, ARRIVING_PER_CLIENT)));

    /** With few request threads, all of which {@code GET /slow} can hold. */
    @RegisterExtension
    static final RunningRegistry busy = RunningRegistry.withExtraRoutes(config -> {
        config.jetty.threadPool = new QueuedThreadPool(SMALL_POOL, 4);
        config.routes.get(
                "/slow",
                ctx -> {
                    boolean released = SLOW_ROUTE_RELEASE.await(SLOW_ROUTE_MILLIS, TimeUnit.MILLISECONDS);
                    ctx.result(released ? "released" : "done");
                },
                Access.ANYONE);
    });

    @Test
    void bodies_sent_a_byte_at_a_time_hold_no_thread_and_are_cut_off() throws Exception {
        String token = registry.userToken("Mallory Slow");
        registry.userId("Mallory Slow");
        List<Socket> slow = new ArrayList<>();
        try {
            long started = System.nanoTime();
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                slow.add(startSlowSubmission(token));
            }
            // Every slow request is in (its headers and a first byte) before the others are asked.
            Thread.sleep(300);

            HttpResponse<String> live = registry.sendUnchecked(registry.request("/health/live", null)
                    .timeout(PROMPTLY)
                    .GET()
                    .build());
            HttpResponse<String> ready = registry.sendUnchecked(registry.request("/health/ready", null)
                    .timeout(PROMPTLY)
                    .GET()
                    .build());
            HttpResponse<String> list = registry.sendUnchecked(registry.request("/registrations", token)
                    .timeout(PROMPTLY)
                    .GET()
                    .build());
            String submitted = submitInOneWrite(registry.userToken("Bystander Quick"));

            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(submitted)
                    .as("a body that arrives with its headers is never counted against its address")
                    .startsWith("HTTP/1.1 201 ");
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("answered while the slow bodies were still arriving")
                    .isLessThan(BODY_TIMEOUT);

            Map<String, Long> endings = slow.stream()
                    .map(SlowClientsEndToEndTest::ending)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(endings.keySet())
                    .as("each slow client is answered 408 (its body came too slowly) or 429 (its address had too"
                            + " many arriving), then disconnected")
                    .isSubsetOf("408 closed", "429 closed");
            assertThat(endings.getOrDefault("408 closed", 0L)).isEqualTo(ARRIVING_PER_CLIENT);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("cut off once their time is up")
                    .isLessThan(BODY_TIMEOUT.plusSeconds(5));
            assertThat(registry.get("/registrations/my", token).body()).contains("\"items\":[]");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void a_body_that_arrives_in_pieces_within_its_time_is_read_whole() throws Exception {
        String token = registry.userToken("Pat Pieces");
        byte[] plainBody = RunningRegistry.write(Submissions.of(Submissions.uniqueName("pieces")))
                .getBytes(StandardCharsets.UTF_8);
        byte[] chunkedBody = RunningRegistry.write(Submissions.of(Submissions.uniqueName("chunks")))
                .getBytes(StandardCharsets.UTF_8);

        try (Socket plain = new Socket(
                        InetAddress.getLoopbackAddress(), registry.uri("/").getPort());
                Socket chunked = new Socket(
                        InetAddress.getLoopbackAddress(), registry.uri("/").getPort())) {
            plain.setSoTimeout((int) BODY_TIMEOUT.toMillis());
            chunked.setSoTimeout((int) BODY_TIMEOUT.toMillis());
            OutputStream plainOut = plain.getOutputStream();
            OutputStream chunkedOut = chunked.getOutputStream();
            plainOut.write(head(token, plainBody.length).getBytes(StandardCharsets.US_ASCII));
            chunkedOut.write(chunkedHead(token).getBytes(StandardCharsets.US_ASCII));
            for (int piece = 0; piece < 3; piece++) {
                Thread.sleep(300);
                writePiece(plainOut, plainBody, piece, false);
                writePiece(chunkedOut, chunkedBody, piece, true);
            }
            chunkedOut.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(statusLine(plain)).startsWith("HTTP/1.1 201 ");
            assertThat(statusLine(chunked)).startsWith("HTTP/1.1 201 ");
        }
    }

    /** The {@code piece}th of three pieces of {@code body}, as a chunk of its own when {@code chunked}. */
    private static void writePiece(OutputStream out, byte[] body, int piece, boolean chunked) throws IOException {
        int third = body.length / 3;
        int from = piece * third;
        int length = piece == 2 ? body.length - from : third;
        if (chunked) {
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(body, from, length);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void health_checks_answer_while_every_other_request_thread_is_busy() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> holding = new ArrayList<>();
        for (int i = 0; i < SMALL_POOL + 10; i++) {
            holding.add(busy.client()
                    .sendAsync(busy.request("/slow", null).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        try {
            Thread.sleep(500);

            for (String health : List.of("/health/live", "/health/ready", "/health")) {
                long asked = System.nanoTime();
                HttpResponse<String> answer = busy.sendUnchecked(
                        busy.request(health, null).timeout(PROMPTLY).GET().build());

                assertThat(answer.statusCode()).as(health).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - asked))
                        .as(health + " answered while the slow requests still run")
                        .isLessThan(PROMPTLY);
            }
            assertThat(holding).as("the slow requests still run").noneMatch(CompletableFuture::isDone);
        } finally {
            SLOW_ROUTE_RELEASE.countDown();
        }
        for (CompletableFuture<HttpResponse<String>> request : holding) {
            assertThat(request.get(30, TimeUnit.SECONDS).statusCode())
                    .as("the others wait for a thread, none is refused")
                    .isEqualTo(200);
        }
    }

    /** A submission whose headers and first byte are sent, the rest never. */
    private static Socket startSlowSubmission(String token) throws IOException {
        Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), registry.uri("/").getPort());
        socket.setSoTimeout((int) BODY_TIMEOUT.plusSeconds(10).toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(head(token, 200).getBytes(StandardCharsets.US_ASCII));
        out.write('{');
        out.flush();
        return socket;
    }

    /** A valid submission whose headers and body leave in one write, as most clients send a small body. */
    private static String submitInOneWrite(String token) throws IOException {
        byte[] body = RunningRegistry.write(Submissions.of(Submissions.uniqueName("quick")))
                .getBytes(StandardCharsets.UTF_8);
        try (Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), registry.uri("/").getPort())) {
            socket.setSoTimeout((int) PROMPTLY.toMillis());
            byte[] head = head(token, body.length).getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            socket.getOutputStream().write(request);
            return statusLine(socket);
        }
    }

    private static String chunkedHead(String token) {
        return "POST /registrations HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
    }

    private static String statusLine(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }

    private static String head(String token, int contentLength) {
        return "POST /registrations HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    /** The status the slow client got and whether its connection was closed after it, e.g. {@code 408 closed}. */
    private static String ending(Socket socket) {
        try {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String statusLine = in.readLine();
            if (statusLine == null) {
                return "closed without an answer";
            }
            String status = statusLine.split(" ")[1];
            while (in.read() != -1) {
                // the rest of the answer, up to the end of the connection
            }
            return status + " closed";
        } catch (SocketTimeoutException e) {
            return "still open";
        } catch (IOException e) {
            return "failed: " + e;
        }
    }
}
