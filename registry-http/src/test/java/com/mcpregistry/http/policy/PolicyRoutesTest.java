package com.mcpregistry.http.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.http.api.ApiSettings;
import com.mcpregistry.http.api.RequestBodyLimits;
import com.mcpregistry.http.api.StartedApi;
import com.mcpregistry.http.api.StubTokens;
import com.mcpregistry.http.limits.TrustedProxies;
import com.mcpregistry.http.publication.PublicApi;
import com.mcpregistry.http.registration.ReviewPrecondition;
import com.mcpregistry.http.testing.ApiClient;
import com.mcpregistry.http.testing.DocumentedAnswers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /policy/{format}} through real HTTP against the in-memory core: who may export, the file each format
 * gives, its entity tag and conditional GET, and an unknown format; every answer checked against the OpenAPI document.
 */
class PolicyRoutesTest {
    private static final String ANN = StubTokens.user("ann");
    private static final String ADMIN = StubTokens.admin("grace");

    @RegisterExtension
    static final StartedApi api = StartedApi.perTestClass(new ApiSettings(List.of()), new StubTokens());

    private final ApiClient http = new ApiClient(() -> api.app().port(), new DocumentedAnswers());

    private String namespace;

    @BeforeEach
    void aNamespaceOfThisTest() {
        namespace = "com.contoso.t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String submitted(String local, String url) {
        HttpResponse<String> answer = http.post(
                "/registrations",
                ANN,
                Map.of(
                        "server_name",
                        namespace + "/" + local,
                        "version",
                        "1.0.0",
                        "title",
                        "Ledger tools",
                        "description",
                        "Serves " + local,
                        "endpoint_url",
                        url,
                        "owner_contact",
                        "owner@contoso.com"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return "/registrations/"
                + ApiClient.json(answer).path("registration_id").asText();
    }

    private void reviewed(String registration, String status) {
        Map<String, Object> body =
                status.equals("Approved") ? Map.of("status", status) : Map.of("status", status, "reason", "not for us");
        HttpResponse<String> answer = http.review(registration, ADMIN, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static List<String> entries(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false)
                .map(JsonNode::toString)
                .toList();
    }

    @Test
    void an_administrator_exports_the_approved_url_allowed_and_the_rejected_one_denied() {
        String approved = "https://" + namespace + ".contoso.com/approved";
        String rejected = "https://" + namespace + ".contoso.com/rejected";
        reviewed(submitted("approved", approved), "Approved");
        reviewed(submitted("rejected", rejected), "Rejected");

        HttpResponse<String> answer = http.get("/policy/copilot", ADMIN);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"managed-settings.json\"");
        JsonNode file = ApiClient.json(answer);
        assertThat(file.path("mcpRegistryPolicy").path("format").asText()).isEqualTo("copilot");
        assertThat(file.path("mcpRegistryPolicy").path("latestAuditEventId").asText())
                .isNotEmpty();
        assertThat(entries(file.path("allowedMcpServers"))).contains("{\"serverUrl\":\"" + approved + "\"}");
        assertThat(entries(file.path("deniedMcpServers")))
                .contains("{\"serverName\":\"" + namespace + "/rejected\"}", "{\"serverUrl\":\"" + rejected + "\"}")
                .doesNotContain("{\"serverUrl\":\"" + approved + "\"}");
    }

    @ParameterizedTest
    @CsvSource({"copilot, managed-settings.json", "claude-code, managed-settings.json", "vscode, policy.json"})
    void each_format_is_the_file_its_client_reads(String format, String fileName) {
        HttpResponse<String> answer = http.get("/policy/" + format, ADMIN);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + fileName + "\"");
        assertThat(answer.body()).endsWith("}\n");
        JsonNode file = ApiClient.json(answer);
        if (format.equals("vscode")) {
            assertThat(ApiClient.json(file.path("ChatAllowedMcpServers").asText())
                            .isArray())
                    .isTrue();
            assertThat(ApiClient.json(file.path("ChatDeniedMcpServers").asText())
                            .isArray())
                    .isTrue();
        } else {
            assertThat(file.path("allowedMcpServers").isArray()).isTrue();
            assertThat(file.path("deniedMcpServers").isArray()).isTrue();
            assertThat(file.has("allowManagedMcpServersOnly")).isEqualTo(format.equals("claude-code"));
        }
    }

    @Test
    void the_entity_tag_is_the_files_sha_256_answers_304_while_it_holds_and_changes_with_the_registry() {
        HttpResponse<String> first = http.get("/policy/vscode", ADMIN);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("W/\"[0-9a-f]{64}\"");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, no-cache");

        HttpResponse<String> again = http.get("/policy/vscode", ADMIN, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);

        reviewed(submitted("new", "https://" + namespace + ".contoso.com/new"), "Approved");

        HttpResponse<String> changed = http.get("/policy/vscode", ADMIN, "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(changed.body()).isNotEqualTo(first.body());
    }

    @Test
    void only_administrators_export_by_default() {
        assertThat(http.get("/policy/copilot", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/policy/copilot", ANN).statusCode()).isEqualTo(403);
    }

    @Test
    void an_unknown_format_is_a_bad_request_that_names_the_formats() {
        HttpResponse<String> answer = http.get("/policy/cursor", ADMIN);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(answer).path("errors").toString()).contains("format", "copilot, claude-code, vscode");
    }

    @Test
    void with_policy_export_anonymous_anyone_exports_and_the_answer_may_be_cached_by_anyone() {
        ApiSettings anonymous = new ApiSettings(
                List.of(),
                PublicApi.ANONYMOUS,
                ReviewPrecondition.REQUIRED,
                RequestBodyLimits.DEFAULTS,
                TrustedProxies.none(),
                PolicyAccess.ANONYMOUS);
        try (StartedApi open = StartedApi.start(anonymous, new StubTokens())) {
            ApiClient client = new ApiClient(() -> open.app().port(), new DocumentedAnswers());

            HttpResponse<String> answer = client.get("/policy/claude-code", null);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("public, no-cache");
        }
    }
}
