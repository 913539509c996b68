package com.mcpregistry.app;

import static com.mcpregistry.app.Submissions.pathOf;
import static com.mcpregistry.app.Submissions.submitNew;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Property: whatever JSON (or almost-JSON) a client sends to a route that reads a body, the answer is never a 5xx,
 * and every 4xx is problem+json with its status — {@link RunningRegistry#send} checks that, and the OpenAPI
 * document's description, on every answer. Bodies come from {@link RandomJson} with fixed seeds, so a failure
 * names the seed that reproduces it; {@code -De2e.seed=N} runs other ones.
 */
class RandomJsonEndToEndTest {
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard();

    @RegisterExtension
    static final RunningRegistry development = RunningRegistry.development();

    private static final long SEED = Long.getLong("e2e.seed", 20_260_101L);
    private static final int BODIES_PER_ROUTE = Integer.getInteger("e2e.bodies", 200);
    private static final String USER = "Wendy Random";

    private static final List<String> REGISTRATION_FIELDS = List.of(
            "server_name",
            "version",
            "title",
            "description",
            "endpoint_url",
            "transport",
            "owner_contact",
            "repository_url",
            "documentation_url",
            "tags",
            "status",
            "submitter_id");
    private static final List<String> STATUS_FIELDS = List.of("status", "reason");
    private static final List<String> TOKEN_FIELDS = List.of("name", "email", "oid", "admin");

    @Test
    void random_submissions_never_fail_the_server() {
        Map<Integer, Integer> statuses = throwBodies(
                SEED, REGISTRATION_FIELDS, body -> sendJson(registry, "POST", "/registrations", USER, body));

        assertThat(statuses.keySet()).contains(400);
    }

    @Test
    void random_edits_never_fail_the_server() {
        JsonNode[] target = {submitNew(registry, registry.userToken(USER), "random-edit")};
        Map<Integer, Integer> statuses = throwBodies(SEED + 1, REGISTRATION_FIELDS, body -> {
            HttpResponse<String> answer = sendJson(registry, "PATCH", pathOf(target[0]), USER, body);
            if (answer.statusCode() == 200) {
                target[0] = submitNew(registry, registry.userToken(USER), "random-edit");
            }
            return answer;
        });

        assertThat(statuses.keySet()).contains(400);
    }

    @Test
    void random_reviews_never_fail_the_server() {
        JsonNode[] target = {submitNew(registry, registry.userToken(USER), "random-review")};
        Map<Integer, Integer> statuses = throwBodies(SEED + 2, STATUS_FIELDS, body -> {
            HttpResponse<String> answer = registry.send(RunningRegistry.withJson(
                    registry.request(pathOf(target[0]) + "/status", registry.adminToken()), "PATCH", body));
            if (answer.statusCode() == 200) {
                target[0] = submitNew(registry, registry.userToken(USER), "random-review");
            }
            return answer;
        });

        assertThat(statuses.keySet()).contains(400);
    }

    @Test
    void random_development_token_requests_never_fail_the_server() {
        Map<Integer, Integer> statuses = throwBodies(
                SEED + 3,
                TOKEN_FIELDS,
                body -> development.send(
                        RunningRegistry.withJson(development.request("/dev/token", null), "POST", body)));

        assertThat(statuses.keySet()).contains(400);
    }

    @Test
    void the_generator_writes_what_it_promises() {
        RandomJson json = new RandomJson(SEED, REGISTRATION_FIELDS);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            bodies.add(json.body());
        }

        assertThat(bodies).anySatisfy(body -> assertThat(body).contains("\\u0000"));
        assertThat(bodies).anySatisfy(body -> assertThat(body).containsPattern("\\\\u[dD][89abAB]"));
        assertThat(bodies).anySatisfy(body -> assertThat(body).containsPattern("[0-9]{400}"));
        assertThat(bodies).anySatisfy(body -> assertThat(body).contains("\"server_name\":"));
        assertThat(bodies).anySatisfy(body -> assertThat(body).doesNotStartWith("{"));
        assertThat(bodies).anySatisfy(body -> assertThat(body).contains("[{"));
    }

    private static HttpResponse<String> sendJson(
            RunningRegistry target, String method, String path, String user, String body) {
        return target.send(RunningRegistry.withJson(target.request(path, target.userToken(user)), method, body));
    }

    /**
     * Sends {@link #BODIES_PER_ROUTE} random bodies; each answer has been checked by {@link RunningRegistry#send}.
     * Returns how often each status came back.
     */
    private static Map<Integer, Integer> throwBodies(
            long seed, List<String> fields, java.util.function.Function<String, HttpResponse<String>> send) {
        RandomJson json = new RandomJson(seed, fields);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < BODIES_PER_ROUTE; i++) {
            String body = json.body();
            HttpResponse<String> answer;
            try {
                answer = send.apply(body);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ", body " + i + ": " + abbreviate(body), e);
            }
            assertThat(answer.statusCode())
                    .as("seed %d, body %d: %s", seed, i, abbreviate(body))
                    .isLessThan(500);
            statuses.merge(answer.statusCode(), 1, Integer::sum);
        }
        return statuses;
    }

    private static String abbreviate(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "…(" + body.length() + " chars)" : body;
    }
}
