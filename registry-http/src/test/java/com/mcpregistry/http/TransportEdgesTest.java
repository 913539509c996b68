package com.mcpregistry.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What Jetty and Javalin answer before a route runs: oversized headers, HEAD, unknown routes and methods. */
class TransportEdgesTest {
    private static StartedApi api;

    @BeforeAll
    static void start() {
        api = StartedApi.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void oversized_headers_get_431_as_problem_json() {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/health"))
                .header("X-Padding", "x".repeat(RegistryApi.MAX_REQUEST_HEADER_BYTES + 1024))
                .GET()
                .build());

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(ProblemDetails.CONTENT_TYPE));
        assertThat(response.body()).contains("\"status\":431");
    }

    @Test
    void head_on_a_public_route_answers_like_get_without_a_body() {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/health/live"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void head_on_a_user_route_without_a_token_is_401() {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/registrations"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void an_unknown_route_is_a_problem_404() {
        HttpResponse<String> response = api.get("/no/such/route");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(ProblemDetails.CONTENT_TYPE));
    }

    @Test
    void a_request_id_is_echoed_when_sane_and_generated_otherwise() {
        HttpResponse<String> echoed = api.send(HttpRequest.newBuilder(api.uri("/health/live"))
                .header(RequestIds.HEADER, "abc-123")
                .GET()
                .build());
        HttpResponse<String> generated = api.send(HttpRequest.newBuilder(api.uri("/health/live"))
                .header(RequestIds.HEADER, "bad id with spaces")
                .GET()
                .build());

        assertThat(echoed.headers().firstValue(RequestIds.HEADER)).hasValue("abc-123");
        assertThat(generated.headers().firstValue(RequestIds.HEADER))
                .hasValueSatisfying(id -> assertThat(id).hasSize(36));
    }
}
