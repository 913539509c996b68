package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whatever clients send, {@code /metrics} keeps a fixed number of series (issue 11 point 2): every label value of
 * {@code http_server_requests} comes from a closed set, so made-up methods and paths cannot fill the heap; the checks
 * of remote servers are labelled by their outcome alone, never by a URL.
 */
class MetricLabelsEndToEndTest {
    private static final String REQUEST_SERIES = "http_server_requests_seconds_count{";

    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard();

    @Test
    void ten_thousand_made_up_methods_and_paths_add_no_series() throws IOException {
        try (RawConnection connection = new RawConnection()) {
            // Each kind of answer a made-up request gets: on a known path (405), on an unknown one (404).
            for (int i = 0; i < 20; i++) {
                connection.exchange(madeUpMethod(i), i % 2 == 0 ? "/health" : "/made-up/" + i);
            }
            requestSeries(); // counted from the second scrape on
            List<String> before = requestSeries();

            for (int i = 20; i < 10_020; i++) {
                connection.exchange(madeUpMethod(i), i % 2 == 0 ? "/health" : "/made-up/path-" + i);
            }

            assertThat(requestSeries()).isEqualTo(before);
        }
        assertThat(requestSeries())
                .anySatisfy(series -> assertThat(series).contains("method=\"OTHER\""))
                .noneSatisfy(series -> assertThat(series).containsIgnoringCase("method=\"FOO"))
                .noneSatisfy(series -> assertThat(series).contains("path-"));
    }

    @Test
    void checks_are_counted_and_timed_by_outcome_alone_whatever_the_remotes() {
        List<String> before = checkSeries();
        assertThat(before)
                .as("every outcome has its series from the start")
                .contains(
                        "registry_checks_total{outcome=\"reachable\"}",
                        "registry_checks_total{outcome=\"unreachable\"}",
                        "registry_checks_total{outcome=\"blocked_address\"}")
                .anySatisfy(series -> assertThat(series)
                        .startsWith("registry_check_duration_seconds_bucket{")
                        .contains("le=\"20.0\""));

        for (int i = 0; i < 3; i++) {
            JsonNode registration = Submissions.submitNew(registry, registry.userToken("Metered " + i), "metered");
            HttpResponse<String> checked = registry.send(registry.request(
                            "/registrations/" + Submissions.idOf(registration) + "/checks", registry.adminToken())
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        }

        assertThat(checkSeries()).isEqualTo(before);
        String metrics = registry.get("/metrics", null).body();
        assertThat(metrics)
                .containsPattern("(?m)^registry_checks_total\\{outcome=\"unreachable\"\\} 3(\\.0)?$")
                .containsPattern("(?m)^registry_check_duration_seconds_count\\{outcome=\"unreachable\"\\} 3$")
                .doesNotContain("mcp.contoso.example");
    }

    /** The series of the checks' metrics in {@code /metrics} now, without their values. */
    private static List<String> checkSeries() {
        return registry.get("/metrics", null)
                .body()
                .lines()
                .filter(line -> line.startsWith("registry_check"))
                .map(line -> line.substring(0, line.lastIndexOf('}') + 1))
                .sorted()
                .toList();
    }

    private static String madeUpMethod(int i) {
        return (i % 3 == 0 ? "foo" : "FOO") + i;
    }

    /** The series of {@code http_server_requests} in {@code /metrics} now, e.g. {@code {method="GET",…}}. */
    private static List<String> requestSeries() {
        return registry.get("/metrics", null)
                .body()
                .lines()
                .filter(line -> line.startsWith(REQUEST_SERIES))
                .map(line -> line.substring(REQUEST_SERIES.length() - 1, line.lastIndexOf('}') + 1))
                .sorted()
                .toList();
    }

    /** HTTP/1.1 over a plain socket, for methods no HTTP client sends; opened again when the server closes it. */
    private static final class RawConnection implements AutoCloseable {
        private Socket socket;
        private InputStream in;

        /** Sends {@code method path} and reads the whole answer. */
        void exchange(String method, String path) throws IOException {
            if (socket == null) {
                socket = new Socket(
                        InetAddress.getLoopbackAddress(), registry.uri("/").getPort());
                socket.setSoTimeout(10_000);
                in = new BufferedInputStream(socket.getInputStream());
            }
            socket.getOutputStream()
                    .write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String statusLine = line();
            assertThat(statusLine).as(method + " " + path).matches("HTTP/1\\.1 4\\d\\d .*");
            long length = 0;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(header.indexOf(':') + 1).trim();
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                }
            }
            in.skipNBytes(length);
            if (close) {
                close();
            }
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b == -1) {
                    throw new IOException("the connection ended in the middle of an answer");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }
}
