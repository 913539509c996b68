package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** The fixture's answer check fails when it should: a check that cannot fail would prove nothing in every test. */
class RunningRegistryTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void a_500_fails_the_check() {
        assertThatThrownBy(
                        () -> RunningRegistry.assertWellFormed(
                                answer(
                                        "GET",
                                        "/registrations",
                                        500,
                                        PROBLEM,
                                        "{\"type\":\"about:blank#500\",\"title\":\"x\",\"status\":500,\"detail\":\"x\",\"instance\":\"/\"}")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void an_error_that_is_not_problem_json_fails_the_check_even_off_the_document() {
        assertThatThrownBy(() -> RunningRegistry.assertWellFormed(
                        answer("GET", "/no/such/route", 404, "text/html", "<h1>Not Found</h1>")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void a_problem_whose_status_differs_from_the_answer_fails_the_check() {
        assertThatThrownBy(
                        () -> RunningRegistry.assertWellFormed(
                                answer(
                                        "GET",
                                        "/no/such/route",
                                        404,
                                        PROBLEM,
                                        "{\"type\":\"about:blank#400\",\"title\":\"x\",\"status\":400,\"detail\":\"x\",\"instance\":\"/\"}")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void an_answer_the_document_does_not_describe_fails_the_check() {
        assertThatThrownBy(() -> RunningRegistry.assertWellFormed(
                        answer("GET", "/health", 200, "application/json", "{\"status\":\"fine\"}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("getHealth");
        assertThatThrownBy(() -> RunningRegistry.assertWellFormed(
                        answer("GET", "/health/live", 202, "application/json", "{\"status\":\"ok\"}")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void documented_answers_pass_the_check() {
        assertThatCode(() -> RunningRegistry.assertWellFormed(answer(
                        "GET",
                        "/health",
                        503,
                        "application/json",
                        "{\"status\":\"unavailable\",\"database\":\"unavailable\"}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> RunningRegistry.assertWellFormed(
                        answer("GET", "/health/live", 200, "application/json", "{\"status\":\"ok\"}")))
                .doesNotThrowAnyException();
    }

    private static HttpResponse<String> answer(
            String method, String path, int status, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:1" + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (name, value) -> true);
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                return request;
            }

            @Override
            public Optional<HttpResponse<String>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public String body() {
                return body;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return request.uri();
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
