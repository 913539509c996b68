package com.mcpregistry.http.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.api.StartedApi;
import com.mcpregistry.http.api.StubTokens;
import com.mcpregistry.http.shared.ProblemDetails;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code REGISTRY_PUBLIC_API}: the MCP Registry API for anyone (the default), for callers with a token, or off. */
class PublicApiModesTest {

    private static HttpResponse<String> get(StartedApi api, String path, String token) {
        return api.client().get(path, token);
    }

    @Test
    void by_default_anyone_reads_it_and_shared_caches_may_keep_it() {
        try (StartedApi api = StartedApi.start(new ApiSettings(List.of()), new StubTokens())) {
            HttpResponse<String> response = get(api, "/v0.1/servers", null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=30");
        }
    }

    @Test
    void authenticated_it_needs_a_valid_token_answers_privately_and_still_allows_preflights() {
        try (StartedApi api = StartedApi.start(new ApiSettings(List.of(), PublicApi.AUTHENTICATED), new StubTokens())) {
            RegistryClient registry = new RegistryClient(api);
            registry.approved("com.contoso/ledger", "1.0.0");

            HttpResponse<String> anonymous = get(api, "/v0.1/servers", null);
            HttpResponse<String> invalid = get(api, "/v0/servers/com.contoso%2Fledger/versions/latest", "forged");
            HttpResponse<String> signedIn = get(api, "/v0.1/servers", StubTokens.user("lin"));
            HttpResponse<String> preflight = api.send(HttpRequest.newBuilder(api.uri("/v0.1/servers"))
                    .header("Origin", "https://vscode.dev")
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "authorization")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build());

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(RegistryClient.json(anonymous.body()).path("error").asText())
                    .contains("bearer access token");
            assertThat(invalid.statusCode()).isEqualTo(401);
            assertThat(invalid.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
            assertThat(invalid.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(signedIn.statusCode()).isEqualTo(200);
            assertThat(RegistryClient.json(signedIn.body()).path("servers").size())
                    .isEqualTo(1);
            assertThat(signedIn.headers().firstValue("Cache-Control")).contains("private, max-age=30");
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                    .hasValueSatisfying(h -> assertThat(h).containsIgnoringCase("Authorization"));
        }
    }

    @Test
    void the_seed_apis_cors_origins_leave_the_registry_api_open_to_every_origin() {
        try (StartedApi api =
                StartedApi.start(new ApiSettings(List.of("https://portal.contoso.com")), new StubTokens())) {
            HttpResponse<String> elsewhere = api.send(HttpRequest.newBuilder(api.uri("/v0.1/servers"))
                    .header("Origin", "https://vscode.dev")
                    .GET()
                    .build());
            HttpResponse<String> portal = api.send(HttpRequest.newBuilder(api.uri("/v0.1/servers"))
                    .header("Origin", "https://portal.contoso.com")
                    .GET()
                    .build());
            HttpResponse<String> seedApi = api.send(HttpRequest.newBuilder(api.uri("/health"))
                    .header("Origin", "https://vscode.dev")
                    .GET()
                    .build());

            assertThat(elsewhere.statusCode()).isEqualTo(200);
            assertThat(elsewhere.headers().firstValue("Access-Control-Allow-Origin"))
                    .contains("*");
            assertThat(portal.headers().allValues("Access-Control-Allow-Origin"))
                    .singleElement()
                    .isIn("*", "https://portal.contoso.com");
            assertThat(seedApi.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        }
    }

    @Test
    void off_the_routes_do_not_exist_and_the_rest_of_the_api_is_unchanged() {
        try (StartedApi api = StartedApi.start(new ApiSettings(List.of(), PublicApi.OFF), new StubTokens())) {
            for (String path :
                    List.of("/v0.1/servers", "/v0/servers", "/v0.1/servers/com.contoso%2Fledger/versions/latest")) {
                HttpResponse<String> response = get(api, path, null);

                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith(ProblemDetails.CONTENT_TYPE));
                assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                        .isEmpty();
            }
            assertThat(get(api, "/health", null).statusCode()).isEqualTo(200);
            assertThat(get(api, "/registrations", StubTokens.user("lin")).statusCode())
                    .isEqualTo(200);
        }
    }
}
