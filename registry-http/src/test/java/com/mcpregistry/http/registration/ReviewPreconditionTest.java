package com.mcpregistry.http.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.api.StartedApi;
import com.mcpregistry.http.api.StubTokens;
import com.mcpregistry.http.docs.OpenApiSchemas;
import com.mcpregistry.http.testing.ApiClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An approval or rejection names the version its reviewer read ({@code If-Match} or {@code row_version}), so that
 * a submitter cannot edit a registration between the review and the approval; {@code REVIEW_PRECONDITION=optional}
 * keeps the old behaviour.
 */
class ReviewPreconditionTest {
    private static final String SUBMITTER = StubTokens.user("ada");
    private static final String ADMIN = StubTokens.admin("grace");
    private static final OpenApiSchemas DOCUMENT = OpenApiSchemas.fromClasspath();

    private StartedApi api;

    @AfterEach
    void stop() {
        api.close();
    }

    private ApiClient started(ReviewPrecondition precondition) {
        api = StartedApi.start(new ApiSettings(List.of()).withReviewPrecondition(precondition), new StubTokens());
        return api.client();
    }

    private ApiClient started() {
        return started(ReviewPrecondition.REQUIRED);
    }

    private static String submitted(ApiClient http) {
        String name = "com.contoso.review/t" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("server_name", name);
        body.put("title", "Ledger tools");
        body.put("description", "Reads and books ledger entries");
        body.put("endpoint_url", "https://" + name.replace('/', '.') + ".contoso.com/mcp");
        body.put("owner_contact", "owner@contoso.com");
        HttpResponse<String> created = http.post("/registrations", SUBMITTER, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return "/registrations" + "/"
                + ApiClient.json(created).path("registration_id").asText();
    }

    private static Map<String, Object> status(String status, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (!status.equals("Approved")) {
            body.put("reason", "Not reachable from the corporate network");
        }
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private static HttpResponse<String> documented(HttpResponse<String> answer) {
        DOCUMENT.assertResponse(answer);
        return answer;
    }

    private static String statusOf(ApiClient http, String path) {
        return ApiClient.json(http.get(path, ADMIN)).path("status").asText();
    }

    @Test
    void an_approval_or_rejection_that_names_no_version_is_428_and_changes_nothing() {
        ApiClient http = started();
        String path = submitted(http);

        for (String verdict : List.of("Approved", "Rejected")) {
            for (String[] headers : List.of(new String[0], new String[] {"If-Match", "*"})) {
                HttpResponse<String> refused =
                        documented(http.patch(path + "/status", ADMIN, status(verdict), headers));

                assertThat(refused.statusCode())
                        .as(verdict + " " + List.of(headers))
                        .isEqualTo(428);
                JsonNode problem = ApiClient.json(refused);
                assertThat(problem.path("title").asText()).isEqualTo("Precondition Required");
                assertThat(problem.path("detail").asText())
                        .contains("must name the version of the registration you reviewed")
                        .contains("If-Match")
                        .contains("row_version");
            }
        }
        assertThat(statusOf(http, path)).isEqualTo("Pending");
    }

    @Test
    void an_approval_after_the_submitter_edited_what_the_admin_read_fails_and_publishes_nothing() {
        ApiClient http = started();
        String path = submitted(http);
        String read = http.get(path, ADMIN).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> edited =
                http.patch(path, SUBMITTER, Map.of("endpoint_url", "https://evil.example.com/mcp"));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        HttpResponse<String> approval =
                documented(http.patch(path + "/status", ADMIN, status("Approved"), "If-Match", read));

        assertThat(approval.statusCode()).as(approval.body()).isEqualTo(412);
        assertThat(statusOf(http, path)).isEqualTo("Pending");
    }

    @Test
    void a_weak_entity_tag_never_matches() {
        ApiClient http = started();
        String path = submitted(http);

        HttpResponse<String> approval =
                documented(http.patch(path + "/status", ADMIN, status("Approved"), "If-Match", "W/\"1\""));
        HttpResponse<String> edit = http.patch(path, SUBMITTER, Map.of("title", "New title"), "If-Match", "W/\"1\"");

        assertThat(approval.statusCode()).as(approval.body()).isEqualTo(412);
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(412);
        assertThat(statusOf(http, path)).isEqualTo("Pending");
    }

    @Test
    void the_version_read_is_named_by_if_match_or_by_row_version_in_the_body() {
        ApiClient http = started();
        String byHeader = submitted(http);
        String byBody = submitted(http);
        String stale = submitted(http);

        HttpResponse<String> approved =
                documented(http.patch(byHeader + "/status", ADMIN, status("Approved"), "If-Match", "\"1\""));
        HttpResponse<String> rejected =
                documented(http.patch(byBody + "/status", ADMIN, status("Rejected", "row_version", 1)));
        HttpResponse<String> tooOld =
                documented(http.patch(stale + "/status", ADMIN, status("Approved", "row_version", 7)));

        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(approved.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(ApiClient.json(rejected).path("status").asText()).isEqualTo("Rejected");
        assertThat(tooOld.statusCode()).as(tooOld.body()).isEqualTo(412);
    }

    @Test
    void a_row_version_that_is_not_a_version_or_disagrees_with_if_match_is_a_400() {
        ApiClient http = started();
        String path = submitted(http);

        for (Object bad : List.of("1", 0, -3, 1.5, true)) {
            HttpResponse<String> refused =
                    documented(http.patch(path + "/status", ADMIN, status("Approved", "row_version", bad)));
            assertThat(refused.statusCode()).as(String.valueOf(bad)).isEqualTo(400);
            assertThat(refused.body()).contains("row_version");
        }
        HttpResponse<String> disagreeing = documented(
                http.patch(path + "/status", ADMIN, status("Approved", "row_version", 1), "If-Match", "\"2\""));
        assertThat(disagreeing.statusCode()).isEqualTo(400);
        assertThat(statusOf(http, path)).isEqualTo("Pending");
    }

    @Test
    void deprecating_needs_no_version() {
        ApiClient http = started();
        String path = submitted(http);
        assertThat(http.review(path, ADMIN, status("Approved")).statusCode()).isEqualTo(200);

        HttpResponse<String> deprecated = http.patch(path + "/status", SUBMITTER, status("Deprecated"));

        assertThat(deprecated.statusCode()).as(deprecated.body()).isEqualTo(200);
    }

    @Test
    void with_the_precondition_optional_an_approval_without_a_version_is_taken_as_before() {
        ApiClient http = started(ReviewPrecondition.OPTIONAL);
        String path = submitted(http);

        String other = submitted(http);

        HttpResponse<String> approved = http.patch(path + "/status", ADMIN, status("Approved"));
        HttpResponse<String> weak = http.patch(other + "/status", ADMIN, status("Approved"), "If-Match", "W/\"1\"");

        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(weak.statusCode()).as("still compared strongly").isEqualTo(412);
    }
}
