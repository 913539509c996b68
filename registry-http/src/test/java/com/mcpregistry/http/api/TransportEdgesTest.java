package com.mcpregistry.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.http.shared.ProblemDetails;
import com.mcpregistry.http.shared.RequestIds;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Jetty and Javalin answer before a route runs: oversized headers, HEAD, unknown routes (404) and known paths
 * asked with a method they do not serve (405 with {@code Allow}), CORS preflights included.
 */
class TransportEdgesTest {
    @RegisterExtension
    static final StartedApi api = StartedApi.perTestClass();

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
    void a_known_path_asked_with_a_method_it_does_not_serve_is_a_problem_405_listing_its_methods() {
        HttpResponse<String> deleteHealth =
                api.send(HttpRequest.newBuilder(api.uri("/health")).DELETE().build());
        HttpResponse<String> putRegistrations = api.send(HttpRequest.newBuilder(api.uri("/registrations"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

        assertThat(deleteHealth.statusCode()).isEqualTo(405);
        assertThat(deleteHealth.headers().allValues("Allow")).containsExactly("GET, HEAD");
        assertThat(putRegistrations.statusCode())
                .as("before any token is asked for")
                .isEqualTo(405);
        assertThat(putRegistrations.headers().allValues("Allow")).containsExactly("GET, HEAD, POST");
        for (HttpResponse<String> refused : List.of(deleteHealth, putRegistrations)) {
            assertThat(refused.headers().firstValue("Content-Type")).hasValue(ProblemDetails.CONTENT_TYPE);
            assertThat(refused.body())
                    .contains("\"status\":405")
                    .contains("\"title\":\"Method Not Allowed\"")
                    .contains("\"instance\":\"" + refused.request().uri().getPath() + "\"");
        }
    }

    @Test
    void a_path_template_with_an_id_is_known_too() {
        HttpResponse<String> post =
                api.send(HttpRequest.newBuilder(api.uri("/registrations/3fa85f64-5717-4562-b3fc-2c963f66afa6/status"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("PATCH");
    }

    @Test
    void an_unknown_path_stays_404_whatever_the_method() {
        for (String method : List.of("GET", "DELETE", "PUT")) {
            HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/nonexistent"))
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .build());

            assertThat(response.statusCode()).as(method).isEqualTo(404);
            assertThat(response.headers().firstValue("Allow")).as(method).isEmpty();
        }
    }

    @Test
    void the_mcp_registry_api_answers_405_in_its_own_error_shape_and_allows_its_preflight() {
        HttpResponse<String> delete = api.send(
                HttpRequest.newBuilder(api.uri("/v0.1/servers")).DELETE().build());

        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(delete.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(delete.body()).startsWith("{\"error\":");
    }

    @Test
    void a_preflight_on_the_mcp_registry_api_still_succeeds_for_every_origin() {
        HttpResponse<String> preflight = api.send(preflight("/v0.1/servers", "https://vscode.dev"));

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(methods -> assertThat(methods).contains("GET"));
    }

    @Test
    void with_cors_origins_a_preflight_on_the_seed_api_still_succeeds_and_options_is_allowed_everywhere() {
        try (StartedApi cors =
                StartedApi.start(new ApiSettings(List.of("https://portal.contoso.com")), new StubTokens())) {
            HttpResponse<String> preflight = cors.send(HttpRequest.newBuilder(cors.uri("/registrations"))
                    .header("Origin", "https://portal.contoso.com")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build());
            HttpResponse<String> put = cors.send(HttpRequest.newBuilder(cors.uri("/registrations"))
                    .header("Origin", "https://portal.contoso.com")
                    .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                    .build());

            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("https://portal.contoso.com");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                    .hasValueSatisfying(methods -> assertThat(methods).contains("POST"));
            assertThat(put.statusCode()).isEqualTo(405);
            assertThat(put.headers().firstValue("Allow")).hasValue("GET, HEAD, POST, OPTIONS");
            assertThat(put.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://portal.contoso.com");
        }
    }

    private HttpRequest preflight(String path, String origin) {
        return HttpRequest.newBuilder(api.uri(path))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build();
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
