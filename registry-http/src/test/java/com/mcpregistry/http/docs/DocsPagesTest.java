package com.mcpregistry.http.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.api.StartedApi;
import com.mcpregistry.http.api.StubTokens;
import com.mcpregistry.http.publication.PublicApi;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /openapi.json}, {@code /docs} and {@code /redoc} are served by the registry alone, public and offline;
 * {@code /} sends a browser to {@code /docs} and any other client to a list of links.
 */
class DocsPagesTest {
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href|spec-url)\\s*=\\s*\"([^\"]*)\"");
    private static final OpenApiSchemas SCHEMAS = OpenApiSchemas.fromClasspath();

    @RegisterExtension
    static final StartedApi api = StartedApi.perTestClass();

    @Test
    void the_openapi_document_is_served_as_json_without_credentials() throws IOException {
        HttpResponse<String> response = api.get("/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(response.body())).isEqualTo(SCHEMAS.document());
        SCHEMAS.assertResponse(response);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
                "text/html",
                "application/json;q=0.5, text/*"
            })
    void the_root_sends_a_browser_to_swagger_ui(String accept) {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/"))
                .header("Accept", accept)
                .GET()
                .build());

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/docs");
        assertThat(response.headers().firstValue("Vary")).hasValue("Accept");
        SCHEMAS.assertResponse(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "*/*", "", "text/html, application/json", "text/html;q=0"})
    void the_root_answers_any_other_client_with_links_to_where_things_are(String accept) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/")).GET();
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = api.send(request.build());

        assertThat(response.statusCode()).as(accept).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        SCHEMAS.assertResponse(response);
        JsonNode links = new ObjectMapper().readTree(response.body()).path("links");
        assertThat(links.path("docs").asText()).isEqualTo("/docs");
        assertThat(links.path("openapi").asText()).isEqualTo("/openapi.json");
        assertThat(links.path("mcp_registry_api").asText()).isEqualTo("/v0.1/servers");
        links.fields()
                .forEachRemaining(
                        link -> assertThat(api.get(link.getValue().asText()).statusCode())
                                .as(link.getKey() + " is served (or asks for a token)")
                                .isIn(200, 401));
    }

    @Test
    void the_root_links_to_the_mcp_registry_api_only_while_it_is_served() throws IOException {
        try (StartedApi off = StartedApi.start(new ApiSettings(List.of(), PublicApi.OFF), new StubTokens())) {
            JsonNode links = new ObjectMapper().readTree(off.get("/").body()).path("links");

            assertThat(links.has("docs")).isTrue();
            assertThat(links.has("mcp_registry_api")).isFalse();
        }
    }

    @Test
    void swagger_ui_loads_only_its_own_files_from_this_server() {
        HttpResponse<String> page = api.get("/docs");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        SCHEMAS.assertResponse(page);
        List<String> references = references(page.body());
        assertThat(references)
                .contains("/docs/assets/swagger-ui-bundle.js", "/docs/assets/swagger-ui.css")
                .allSatisfy(reference -> assertThat(reference).startsWith("/docs/assets/"));
        references.forEach(DocsPagesTest::assertServed);
    }

    @Test
    void swagger_ui_shows_this_registrys_document_and_calls_no_online_validator() {
        HttpResponse<String> script = api.get("/docs/assets/swagger-ui-init.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body())
                .contains("url: \"/openapi.json\"")
                .contains("validatorUrl: null")
                .doesNotContain("http://", "https://");
    }

    @Test
    void redoc_loads_only_its_own_script_from_this_server_and_shows_this_registrys_document() {
        HttpResponse<String> page = api.get("/redoc");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        SCHEMAS.assertResponse(page);
        List<String> references = references(page.body());
        assertThat(references).containsExactlyInAnyOrder("/openapi.json", "/redoc/assets/redoc.standalone.js");
        references.forEach(DocsPagesTest::assertServed);
    }

    @Test
    void the_redoc_source_map_is_served_for_browser_tools() {
        HttpResponse<String> map = api.get("/redoc/assets/redoc.standalone.js.map");

        assertThat(map.statusCode()).isEqualTo(200);
        assertThat(map.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(map.body()).startsWith("{");
    }

    @Test
    void a_file_the_page_does_not_use_is_not_found() {
        HttpResponse<String> response = api.get("/docs/assets/swagger-initializer.js");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/docs/assets/../../openapi/registry-openapi.json",
                "/docs/assets/..%2F..%2Fopenapi%2Fregistry-openapi.json",
                "/docs/assets/..%2f..%2f..%2f..%2f..%2fMETA-INF%2fMANIFEST.MF",
                "/docs/assets/%2e%2e%2f%2e%2e%2fcom%2fmcpregistry%2fhttp%2fdocs%2fswagger-ui.html",
                "/docs/assets/%2Fcom%2Fmcpregistry%2Fhttp%2Fdocs%2Fwebjars.properties",
                "/docs/assets/..%5C..%5Copenapi%5Cregistry-openapi.json",
                "/redoc/assets/..%2F..%2Fswagger-ui%2Fswagger-ui-bundle.js",
                "/redoc/assets/redoc.standalone.js%2F..%2F..%2Fredoc.html",
                "/redoc/assets/%2e%2e/%2e%2e/com/mcpregistry/http/docs/DocsPage.class"
            })
    void a_path_that_climbs_out_of_the_assets_reaches_nothing(String attempt) {
        HttpResponse<byte[]> response = api.getBytes(attempt);

        assertThat(response.statusCode()).as(attempt).isBetween(400, 499);
        String body = new String(response.body(), StandardCharsets.ISO_8859_1);
        assertThat(body)
                .doesNotContain("\"openapi\"")
                .doesNotContain("Manifest-Version")
                .doesNotContain("<!DOCTYPE html>")
                .doesNotContain("swagger-ui.version")
                .doesNotContain("SwaggerUIBundle")
                .doesNotContain("\u00ca\u00fe\u00ba\u00be");
    }

    private static void assertServed(String reference) {
        HttpResponse<byte[]> response = api.getBytes(reference);
        assertThat(response.statusCode()).as(reference).isEqualTo(200);
        assertThat(response.body()).as(reference).isNotEmpty();
        String expected = reference.endsWith(".js")
                ? "text/javascript"
                : reference.endsWith(".css")
                        ? "text/css"
                        : reference.endsWith(".png") ? "image/png" : "application/json";
        assertThat(response.headers().firstValue("Content-Type"))
                .as(reference + " content type")
                .hasValueSatisfying(type -> assertThat(type).startsWith(expected));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docs", "/redoc"})
    void the_browser_may_load_images_and_data_only_from_this_server(String page) {
        HttpResponse<String> response = api.get(page);

        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy ->
                        assertThat(policy).contains("img-src 'self' data:").contains("connect-src 'self'"));
    }

    /** Every URL the page loads or links to; none may leave this server. */
    private static List<String> references(String html) {
        List<String> references = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(html);
        while (matcher.find()) {
            references.add(matcher.group(1));
        }
        assertThat(references)
                .isNotEmpty()
                .allSatisfy(reference -> assertThat(reference)
                        .as("a local, absolute path")
                        .startsWith("/")
                        .doesNotStartWith("//"));
        assertThat(html).doesNotContain("http://", "https://");
        return references;
    }
}
