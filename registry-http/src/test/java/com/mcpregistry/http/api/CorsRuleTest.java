package com.mcpregistry.http.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CORS on the seed API with CORS_ORIGINS set: an allowed origin is granted, any other is served exactly as a request
 * without an origin (no grant, nothing refused), and the MCP Registry API keeps its own open rule.
 */
class CorsRuleTest {
    private static final String PORTAL = "https://portal.contoso.com";
    private static final String ELSEWHERE = "https://evil.example";

    @RegisterExtension
    static final StartedApi api = StartedApi.perTestClass(new ApiSettings(List.of(PORTAL)), new StubTokens());

    @Test
    void an_allowed_origin_is_granted_and_may_read_the_entity_tag_location_and_request_id() {
        HttpResponse<String> answer = get("/users/me", PORTAL);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().allValues("Access-Control-Allow-Origin")).containsExactly(PORTAL);
        assertThat(answer.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValueSatisfying(exposed -> assertThat(exposed).contains("ETag", "Location", "X-Request-Id"));
        assertThat(answer.headers().allValues("Vary")).contains("Origin");
        assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials"))
                .as("tokens travel in Authorization, never as cookies")
                .isEmpty();
    }

    @Test
    void another_origin_is_served_as_without_an_origin_only_without_a_grant() {
        HttpResponse<String> elsewhere = get("/users/me", ELSEWHERE);
        HttpResponse<String> noOrigin = get("/users/me", null);

        assertThat(elsewhere.statusCode()).isEqualTo(200).isEqualTo(noOrigin.statusCode());
        assertThat(elsewhere.body()).isEqualTo(noOrigin.body());
        assertThat(elsewhere.headers().map().keySet()).noneMatch(name -> name.startsWith("access-control-"));
        assertThat(elsewhere.headers().allValues("Vary")).contains("Origin");
    }

    @Test
    void a_preflight_from_an_allowed_origin_is_granted_the_paths_methods_and_the_asked_headers() {
        HttpResponse<String> preflight = preflight("/registrations/3fa85f64-5717-4562-b3fc-2c963f66afa6", PORTAL);

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(PORTAL);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValue("GET, HEAD, PATCH, DELETE, OPTIONS");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValue("authorization,content-type,if-match");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
    }

    @Test
    void a_preflight_from_another_origin_is_answered_without_a_grant_and_runs_nothing() {
        HttpResponse<String> preflight = preflight("/registrations", ELSEWHERE);

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().map().keySet()).noneMatch(name -> name.startsWith("access-control-"));
        assertThat(preflight.headers().firstValue("Allow")).hasValue("GET, HEAD, POST, OPTIONS");
    }

    @Test
    void the_mcp_registry_api_keeps_its_own_rule_for_every_origin() {
        for (String origin : List.of(PORTAL, ELSEWHERE)) {
            HttpResponse<String> answer = get("/v0.1/servers", origin);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().allValues("Access-Control-Allow-Origin"))
                    .containsExactly("*");
        }
    }

    @Test
    void without_cors_origins_the_seed_api_grants_nothing_and_options_is_not_allowed() {
        try (StartedApi closed = StartedApi.start(new ApiSettings(List.of()), new StubTokens())) {
            HttpResponse<String> preflight = closed.send(HttpRequest.newBuilder(closed.uri("/registrations"))
                    .header("Origin", PORTAL)
                    .header("Access-Control-Request-Method", "POST")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build());

            assertThat(preflight.statusCode()).isEqualTo(405);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "https://portal.contoso.com, https://portal.contoso.com",
        "HTTPS://Portal.Contoso.COM, https://portal.contoso.com",
        "https://portal.contoso.com:443, https://portal.contoso.com",
        "http://localhost:3000, http://localhost:3000",
        "http://127.0.0.1:80, http://127.0.0.1",
        "'  https://portal.contoso.com:8443 ', https://portal.contoso.com:8443"
    })
    void an_origin_is_written_as_browsers_send_it(String configured, String sent) {
        assertThat(CorsRule.origin(configured)).isEqualTo(sent);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*",
                "null",
                "NULL",
                "https://portal.contoso.com/",
                "https://portal.contoso.com/app",
                "https://portal.contoso.com?x=1",
                "https://portal.contoso.com#top",
                "https://someone@portal.contoso.com",
                "ftp://portal.contoso.com",
                "portal.contoso.com",
                "https://",
                "https://*.contoso.com",
                "not an origin"
            })
    void anything_else_is_not_an_origin(String configured) {
        assertThatThrownBy(() -> CorsRule.origin(configured))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(configured.strip());
        assertThatThrownBy(() -> new ApiSettings(List.of(configured))).isInstanceOf(IllegalArgumentException.class);
    }

    private static HttpResponse<String> get(String path, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path))
                .header("Authorization", "Bearer " + StubTokens.user("lin"))
                .GET();
        if (origin != null) {
            request.header("Origin", origin);
        }
        return api.send(request.build());
    }

    private static HttpResponse<String> preflight(String path, String origin) {
        return api.send(HttpRequest.newBuilder(api.uri(path))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
    }
}
