package com.mcpregistry.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mcpregistry.domain.error.IdempotencyKeyInUse;
import com.mcpregistry.domain.error.IdempotencyKeyReused;
import com.mcpregistry.http.shared.Access;
import com.mcpregistry.http.shared.Json;
import com.mcpregistry.http.shared.ProblemDetails;
import com.mcpregistry.http.shared.Routes;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The ports speak of "the idempotency key"; the HTTP answer names the header the client sent it in. Both answers
 * are what clients got when the ports still named the header.
 */
class IdempotencyProblemsTest {

    private static final StartedApi api = StartedApi.start(config -> {
        Routes.get(
                config.routes,
                "/test/idempotency-key-in-use",
                ctx -> {
                    throw new IdempotencyKeyInUse();
                },
                Access.ANYONE);
        Routes.get(
                config.routes,
                "/test/idempotency-key-reused",
                ctx -> {
                    throw new IdempotencyKeyReused("the idempotency key was already used for a different submission");
                },
                Access.ANYONE);
    });

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonNode problem(HttpResponse<String> answer) throws Exception {
        return Json.MAPPER.readTree(answer.body());
    }

    @Test
    void a_key_in_use_by_a_concurrent_request_is_a_409_naming_the_header() throws Exception {
        HttpResponse<String> answer = api.get("/test/idempotency-key-in-use");

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(ProblemDetails.CONTENT_TYPE));
        JsonNode problem = problem(answer);
        assertThat(problem.path("title").asText()).isEqualTo("Conflict");
        assertThat(problem.path("detail").asText())
                .isEqualTo("the Idempotency-Key is being used by a concurrent request");
    }

    @Test
    void a_key_reused_for_another_request_is_a_422_naming_the_header() throws Exception {
        HttpResponse<String> answer = api.get("/test/idempotency-key-reused");

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(problem(answer).path("detail").asText())
                .isEqualTo("the Idempotency-Key was already used for a different request");
    }
}
