package com.mcpregistry.app;

import static com.mcpregistry.app.ListingEndToEndTest.encode;
import static com.mcpregistry.app.RunningRegistry.json;
import static com.mcpregistry.app.Submissions.pathOf;
import static com.mcpregistry.app.Submissions.submitNew;
import static com.mcpregistry.app.Submissions.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing a client sends produces a 500 (SPEC §3): malformed or hostile bodies, paths, query parameters and headers
 * are refused with the matching 4xx as problem+json, and nothing of them is stored.
 */
class HostileInputEndToEndTest {
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard();

    private static final String USER = "Victor Hostile";
    private static final int ONE_MIB = 1024 * 1024;

    private static JsonNode pending;

    @BeforeAll
    static void aRegistrationToAttack() {
        pending = submitNew(registry, registry.userToken(USER), "target");
    }

    /** The three routes that read a JSON body, as path templates for {@link #pending}. */
    static List<String> bodyRoutes() {
        return List.of("POST /registrations", "PATCH {pending}", "PATCH {pending}/status");
    }

    /** The method and the path of one of {@link #bodyRoutes}, with {@link #pending} in place of its placeholder. */
    private static String[] methodAndPath(String route) {
        String[] methodAndPath = route.split(" ", 2);
        return new String[] {methodAndPath[0], methodAndPath[1].replace("{pending}", pathOf(pending))};
    }

    private static HttpResponse<String> sendBody(String route, String contentType, HttpRequest.BodyPublisher body) {
        String[] methodAndPath = methodAndPath(route);
        return registry.send(registry.request(methodAndPath[1], registry.userToken(USER), "Content-Type", contentType)
                .method(methodAndPath[0], body));
    }

    private static HttpResponse<String> sendJson(String route, String json) {
        return sendBody(route, "application/json", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    // ---- Bodies ----

    static List<Object[]> malformedBodies() {
        List<String> bodies = List.of(
                "",
                "{",
                "{\"title\":}",
                "{\"title\":\"unterminated}",
                "[1,2,3]",
                "\"just a string\"",
                "42",
                "null",
                "true",
                "{\"a\":1}{\"b\":2}",
                "{'single':'quotes'}",
                "{\"title\":NaN}",
                "{\"title\":\"x\",}",
                "[".repeat(5000),
                "{\"a\":".repeat(2000),
                "{\"title\":1" + "0".repeat(5000) + "}",
                "{\"title\":1e999999999}");
        return bodyRoutes().stream()
                .flatMap(route -> bodies.stream().map(body -> new Object[] {route, body}))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    void malformed_json_is_400(String route, String body) {
        assertThat(sendJson(route, body).statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void invalid_utf8_is_400(String route) {
        byte[] bytes = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThat(sendBody(route, "application/json", HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .statusCode())
                .isEqualTo(400);
    }

    static List<Object[]> wrongTypes() {
        return List.of(
                new Object[] {"server_name", 5},
                new Object[] {"version", 1.0},
                new Object[] {"title", Map.of("nested", "object")},
                new Object[] {"description", List.of("a", "b")},
                new Object[] {"endpoint_url", true},
                new Object[] {"transport", 0},
                new Object[] {"owner_contact", List.of()},
                new Object[] {"tags", "finance"},
                new Object[] {"tags", List.of(1, 2)},
                new Object[] {"tags", List.of(List.of("nested"))},
                new Object[] {"repository_url", 12});
    }

    @ParameterizedTest
    @MethodSource("wrongTypes")
    void a_field_of_the_wrong_type_is_400_naming_it(String field, Object value) {
        Map<String, Object> body = Submissions.with(Submissions.of(uniqueName("typed")), field, value);

        HttpResponse<String> submitted = registry.post("/registrations", registry.userToken(USER), body);
        HttpResponse<String> edited = registry.patch(pathOf(pending), registry.userToken(USER), Map.of(field, value));

        assertThat(submitted.statusCode()).isEqualTo(400);
        assertThat(json(submitted).path("errors").toString()).contains(field);
        assertThat(edited.statusCode()).isEqualTo(400);
    }

    @Test
    void status_and_reason_of_the_wrong_type_are_400() {
        for (Object status : List.of(1, true, List.of("Approved"), Map.of("value", "Approved"))) {
            assertThat(registry.patch(pathOf(pending) + "/status", registry.adminToken(), Map.of("status", status))
                            .statusCode())
                    .isEqualTo(400);
        }
        assertThat(registry.patch(
                                pathOf(pending) + "/status",
                                registry.adminToken(),
                                Map.of("status", "Rejected", "reason", 42))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void unknown_fields_are_400_naming_them() {
        Map<String, Object> body = Submissions.with(Submissions.of(uniqueName("unknown")), "colour", "blue");

        HttpResponse<String> submitted = registry.post("/registrations", registry.userToken(USER), body);
        HttpResponse<String> edited =
                registry.patch(pathOf(pending), registry.userToken(USER), Map.of("title", "T", "colour", "blue"));
        HttpResponse<String> reviewed = registry.patch(
                pathOf(pending) + "/status", registry.adminToken(), Map.of("status", "Approved", "colour", "blue"));

        for (HttpResponse<String> refused : List.of(submitted, edited, reviewed)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json(refused).path("errors").findValuesAsText("field")).contains("colour");
        }
        assertUnchanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {"server_name", "version", "title", "description", "endpoint_url", "owner_contact"})
    void a_nul_character_in_a_string_is_400(String field) {
        Map<String, Object> body = Submissions.of(uniqueName("nul"));
        body.put(field, body.getOrDefault(field, "x") + "\u0000tail");

        HttpResponse<String> refused = registry.post("/registrations", registry.userToken(USER), body);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("errors").findValuesAsText("field")).contains(field);
    }

    @Test
    void nul_characters_anywhere_else_are_400_too() {
        Map<String, Object> inTag =
                Submissions.with(Submissions.of(uniqueName("nul-tag")), "tags", List.of("a\u0000b"));
        Map<String, Object> inName = Submissions.with(Submissions.of(uniqueName("nul-name")), "ti\u0000tle", "x");

        assertThat(registry.post("/registrations", registry.userToken(USER), inTag)
                        .statusCode())
                .isEqualTo(400);
        assertThat(registry.post("/registrations", registry.userToken(USER), inName)
                        .statusCode())
                .isEqualTo(400);
        assertThat(registry.patch(pathOf(pending), registry.userToken(USER), Map.of("title", "\u0000"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(registry.patch(
                                pathOf(pending) + "/status",
                                registry.adminToken(),
                                Map.of("status", "Rejected", "reason", "bad\u0000reason"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(registry.get("/registrations?search=a%00b", registry.userToken(USER))
                        .statusCode())
                .isEqualTo(400);
        assertUnchanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\uD800", "a\\uDFFFb", "bell\\u0007", "esc\\u001B[31m", "del\\u007F", "\\uFFFF"})
    void lone_surrogates_and_other_control_characters_are_400(String escaped) {
        for (String route : bodyRoutes()) {
            String body = route.endsWith("status")
                    ? "{\"status\":\"Rejected\",\"reason\":\"" + escaped + "\"}"
                    : "{\"title\":\"" + escaped + "\"}";

            assertThat(sendJson(route, body).statusCode())
                    .as(route + " " + body)
                    .isEqualTo(400);
        }
    }

    @Test
    void text_at_its_limits_is_accepted_and_beyond_them_refused() {
        String emoji = "\uD83D\uDE80";
        assertThat(registry.patch(pathOf(pending), registry.userToken(USER), Map.of("title", emoji.repeat(100)))
                        .statusCode())
                .as("100 characters, each outside the BMP")
                .isEqualTo(200);
        assertThat(registry.patch(pathOf(pending), registry.userToken(USER), Map.of("title", "x".repeat(101)))
                        .statusCode())
                .isEqualTo(400);
        assertThat(registry.patch(pathOf(pending), registry.userToken(USER), Map.of("tags", List.of("t".repeat(33))))
                        .statusCode())
                .isEqualTo(400);
        assertThat(registry.patch(
                                pathOf(pending),
                                registry.userToken(USER),
                                Map.of("tags", java.util.Collections.nCopies(11, "tag")))
                        .statusCode())
                .isEqualTo(400);
    }

    // ---- Size ----

    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void a_body_of_one_mebibyte_with_a_content_length_is_413(String route) {
        HttpResponse<String> refused =
                sendBody(route, "application/json", HttpRequest.BodyPublishers.ofString(hugeJson()));

        assertThat(refused.statusCode()).isEqualTo(413);
    }

    /**
     * A client that announces a large body and waits for {@code 100 Continue} is answered 413 without being asked
     * to send it. (A raw socket, since the JDK 17 client waits forever when the answer to an expectation is final.)
     */
    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void a_client_expecting_100_continue_hears_413_without_sending_its_body(String route) throws IOException {
        String[] methodAndPath = methodAndPath(route);
        String head = methodAndPath[0] + " " + methodAndPath[1] + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Authorization: Bearer " + registry.userToken(USER) + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + ONE_MIB + "\r\n"
                + "Expect: 100-continue\r\n\r\n";

        try (Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), registry.uri("/").getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();

            assertThat(statusLine).startsWith("HTTP/1.1 413 ");
        }
        assertUnchanged();
    }

    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void a_chunked_body_of_one_mebibyte_is_413(String route) {
        byte[] bytes = hugeJson().getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> refused = sendBody(
                route,
                "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertUnchanged();
    }

    @Test
    void a_body_just_over_64_kib_is_413_and_one_just_under_is_read() {
        String padding = "x".repeat(64 * 1024 - "{\"title\":\"\"}".length());
        String justUnder = "{\"title\":\"" + padding + "\"}";
        String justOver = "{\"title\":\"" + padding + "x\"}";

        assertThat(sendJson("PATCH {pending}", justUnder).statusCode())
                .as("read, then refused as too long a title")
                .isEqualTo(400);
        assertThat(sendJson("PATCH {pending}", justOver).statusCode()).isEqualTo(413);
    }

    private static String hugeJson() {
        return "{\"title\":\"" + "x".repeat(ONE_MIB) + "\"}";
    }

    // ---- Media type ----

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/plain",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/xml",
                "application/jsonx",
                "json"
            })
    void a_body_that_is_not_json_is_415(String contentType) {
        for (String route : bodyRoutes()) {
            HttpResponse<String> refused = sendBody(
                    route, contentType, HttpRequest.BodyPublishers.ofString(RunningRegistry.write(Map.of("a", 1))));

            assertThat(refused.statusCode()).as(route + " " + contentType).isEqualTo(415);
        }
    }

    @Test
    void a_body_without_a_content_type_is_415() {
        HttpResponse<String> refused = registry.send(registry.request("/registrations", registry.userToken(USER))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(refused.statusCode()).isEqualTo(415);
    }

    @Test
    void json_with_a_charset_or_a_json_suffix_is_read() {
        HttpResponse<String> charset = sendBody(
                "PATCH {pending}",
                "application/json; charset=utf-8",
                HttpRequest.BodyPublishers.ofString("{\"title\":\"Charset\"}"));
        HttpResponse<String> suffixed = sendBody(
                "PATCH {pending}",
                "application/merge-patch+json",
                HttpRequest.BodyPublishers.ofString("{\"title\":\"Suffix\"}"));

        assertThat(charset.statusCode()).isEqualTo(200);
        assertThat(suffixed.statusCode()).isEqualTo(200);
    }

    // ---- Paths and queries ----

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not-a-uuid",
                "123",
                "%20",
                "00000000-0000-0000-0000-00000000000g",
                "00000000000000000000000000000000",
                "%27%3B%20drop%20table%20registrations%3B--",
                "%00",
                "..%2F..%2Fetc%2Fpasswd",
                "%E2%98%83"
            })
    void a_malformed_registration_id_is_400_on_every_route(String id) {
        String user = registry.userToken(USER);
        String path = "/registrations/" + id;

        List<HttpResponse<String>> answers = List.of(
                registry.get(path, user),
                registry.patch(path, user, Map.of("title", "T")),
                registry.patch(path + "/status", registry.adminToken(), Submissions.status("Approved", null)),
                registry.delete(path, user),
                registry.get(path + "/history", user));

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode())
                    .as(answer.request().method() + " " + answer.request().uri())
                    .isIn(400, 404);
        }
        assertThat(answers.get(0).statusCode()).isEqualTo(400);
    }

    @Test
    void a_request_jetty_refuses_itself_is_answered_with_connection_close() {
        HttpResponse<String> refused = registry.get("/registrations/%00", registry.userToken(USER));
        HttpResponse<String> next = registry.get("/health/live", null);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Connection")).hasValue("close");
        assertThat(next.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "limit=0",
                "limit=101",
                "limit=-1",
                "limit=abc",
                "limit=1.5",
                "limit=99999999999999999999",
                "limit=%00",
                "status=approved",
                "status=Published",
                "status=%27%20OR%201%3D1",
                "cursor=garbage",
                "cursor=MTIzfG5vdC1hLXV1aWQ",
                "search=" + "%25"
            })
    void a_bad_query_parameter_is_400_on_both_lists(String query) {
        for (String list : List.of("/registrations", "/registrations/my")) {
            HttpResponse<String> answer = registry.get(list + "?" + query, registry.userToken(USER));

            assertThat(answer.statusCode()).as(list + "?" + query).isEqualTo(400);
            assertThat(json(answer).path("errors").findValuesAsText("field")).contains(query.split("=")[0]);
        }
    }

    @Test
    void limits_at_the_bounds_are_accepted() {
        assertThat(registry.get("/registrations?limit=1", registry.userToken(USER))
                        .statusCode())
                .isEqualTo(200);
        assertThat(registry.get("/registrations?limit=100", registry.userToken(USER))
                        .statusCode())
                .isEqualTo(200);
        assertThat(registry.get("/registrations?limit=", registry.userToken(USER))
                        .statusCode())
                .as("empty means the default")
                .isEqualTo(200);
    }

    @Test
    void a_search_longer_than_200_characters_is_400() {
        assertThat(registry.get("/registrations?search=" + "a".repeat(201), registry.userToken(USER))
                        .statusCode())
                .isEqualTo(400);
        assertThat(registry.get("/registrations?search=" + encode("é".repeat(200)), registry.userToken(USER))
                        .statusCode())
                .isEqualTo(200);
    }

    // ---- Headers ----

    @Test
    void headers_larger_than_16_kib_are_431_problem_json() {
        for (String path : List.of("/health", "/registrations")) {
            HttpResponse<String> refused = registry.send(registry.request(path, registry.userToken(USER))
                    .header("X-Padding", "x".repeat(17 * 1024))
                    .GET());

            assertThat(refused.statusCode()).isEqualTo(431);
            assertThat(json(refused).path("status").asInt()).isEqualTo(431);
        }
    }

    @Test
    void a_token_larger_than_any_entra_token_is_refused_without_a_500() {
        HttpResponse<String> refused = registry.get("/users/me", "a".repeat(15 * 1024) + ".b.c");

        assertThat(refused.statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "\"not-a-number\"", "W/\"1\"x", "\"99999999999999999999\"", "\"-1\""})
    void an_if_match_that_names_no_version_is_412(String ifMatch) {
        HttpResponse<String> refused =
                registry.patch(pathOf(pending), registry.userToken(USER), Map.of("title", "T"), "If-Match", ifMatch);

        assertThat(refused.statusCode()).isEqualTo(412);
    }

    @Test
    void an_idempotency_key_that_is_blank_or_too_long_is_400() {
        for (String key : List.of(" ", "k".repeat(256))) {
            HttpResponse<String> refused = registry.post(
                    "/registrations",
                    registry.userToken(USER),
                    Submissions.of(uniqueName("keyed")),
                    "Idempotency-Key",
                    key);

            assertThat(refused.statusCode()).as("key of " + key.length()).isEqualTo(400);
        }
    }

    @Test
    void unknown_routes_and_methods_are_problem_json() {
        HttpResponse<String> unknown = registry.get("/no/such/route", null);
        HttpResponse<String> put = registry.send(registry.request("/registrations", registry.userToken(USER))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(put.statusCode())
                .as("a known path, a method it does not serve")
                .isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
    }

    /** The registration under attack is as it was, except for titles the limit tests set on purpose. */
    private static void assertUnchanged() {
        JsonNode now = json(registry.get(pathOf(pending), registry.userToken(USER)));
        assertThat(now.path("status").asText()).isEqualTo("Pending");
        assertThat(now.path("server_name").asText())
                .isEqualTo(pending.path("server_name").asText());
        assertThat(now.path("submitter_id").asText())
                .isEqualTo(pending.path("submitter_id").asText());
    }
}
