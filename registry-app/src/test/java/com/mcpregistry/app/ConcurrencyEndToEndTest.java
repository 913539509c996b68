package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static com.mcpregistry.app.Submissions.idOf;
import static com.mcpregistry.app.Submissions.pathOf;
import static com.mcpregistry.app.Submissions.status;
import static com.mcpregistry.app.Submissions.submitNew;
import static com.mcpregistry.app.Submissions.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Races through HTTP: exactly one of many simultaneous conflicting requests wins, and only it is audited. */
class ConcurrencyEndToEndTest {
    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard();

    private static final int RACERS = 20;
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(RACERS);

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    @Test
    void twenty_simultaneous_approvals_and_rejections_have_exactly_one_winner_and_one_audit_event() throws Exception {
        JsonNode pending = submitNew(registry, registry.userToken("Racer Submitter"), "contested");

        // Every racer read version 1: the losers hear 409 (lost the race) or 412 (came after the winner).
        List<HttpResponse<String>> answers = race(i -> registry.patch(
                pathOf(pending) + "/status",
                registry.adminToken(),
                i % 2 == 0 ? status("Approved", null) : status("Rejected", "Racer " + i + " says no."),
                "If-Match",
                "\"1\""));

        Map<Integer, Long> statuses = countStatuses(answers);
        assertThat(statuses).containsEntry(200, 1L).containsOnlyKeys(200, 409, 412);
        JsonNode winner = answers.stream()
                .filter(answer -> answer.statusCode() == 200)
                .map(RunningRegistry::json)
                .findFirst()
                .orElseThrow();
        JsonNode stored = json(registry.get(pathOf(pending), registry.adminToken()));
        assertThat(stored.path("status").asText())
                .isEqualTo(winner.path("status").asText());
        assertThat(stored.path("row_version").asLong())
                .isEqualTo(winner.path("row_version").asLong());
        List<String> actions = json(registry.get("/audit?registration=" + idOf(pending), registry.adminToken()))
                .path("items")
                .findValuesAsText("action");
        assertThat(actions).hasSize(2).containsOnlyOnce("submit");
        assertThat(actions.stream().filter(a -> a.equals("approve") || a.equals("reject")))
                .hasSize(1);
    }

    @Test
    void simultaneous_first_submissions_of_a_new_name_make_exactly_one_owner_and_refuse_the_others() throws Exception {
        String name = uniqueName("wanted");

        List<HttpResponse<String>> answers = race(i -> registry.post(
                "/registrations",
                registry.userToken("Racer " + i),
                Submissions.of(name, "1.0.0", "https://racer" + i + ".contoso.example/mcp")));

        assertThat(countStatuses(answers)).containsEntry(201, 1L).containsEntry(403, (long) RACERS - 1);
        assertThat(json(registry.get("/registrations?search=" + name, registry.adminToken()))
                        .path("items"))
                .hasSize(1);
        JsonNode winner = json(
                answers.stream().filter(a -> a.statusCode() == 201).findFirst().orElseThrow());
        JsonNode owners = json(registry.get(
                "/servers/" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8) + "/owners",
                registry.adminToken()));
        assertThat(owners.path("owners"))
                .singleElement()
                .satisfies(owner -> assertThat(owner.path("user_id").asText())
                        .isEqualTo(winner.path("submitter_id").asText()));
    }

    @Test
    void simultaneous_submissions_of_one_name_and_version_by_its_owner_have_exactly_one_winner() throws Exception {
        String name = uniqueName("retried");
        String owner = registry.userToken("Racing Owner");

        List<HttpResponse<String>> answers = race(i -> registry.post(
                "/registrations", owner, Submissions.of(name, "1.0.0", "https://racer" + i + ".contoso.example/mcp")));

        assertThat(countStatuses(answers)).containsEntry(201, 1L).containsEntry(409, (long) RACERS - 1);
    }

    @Test
    void simultaneous_claims_of_one_endpoint_by_different_servers_have_exactly_one_winner() throws Exception {
        String endpoint =
                "https://shared.contoso.example/" + uniqueName("endpoint").replace('/', '-');

        List<HttpResponse<String>> answers = race(i -> registry.post(
                "/registrations",
                registry.userToken("Claimer " + i),
                Submissions.of(uniqueName("claimer"), "1.0.0", endpoint)));

        assertThat(countStatuses(answers)).containsEntry(201, 1L).containsEntry(409, (long) RACERS - 1);
    }

    @Test
    void simultaneous_retries_with_one_idempotency_key_all_answer_the_first_201_and_register_once() throws Exception {
        Map<String, Object> body = Submissions.of(uniqueName("retried-at-once"));
        String key = "race-" + System.nanoTime();
        registry.userId("Impatient");

        List<HttpResponse<String>> answers = race(
                i -> registry.post("/registrations", registry.userToken("Impatient"), body, "Idempotency-Key", key));

        assertThat(countStatuses(answers)).containsOnlyKeys(201);
        assertThat(answers.stream().map(answer -> json(answer)).distinct()).hasSize(1);
        assertThat(answers.stream()
                        .map(answer -> answer.headers().firstValue("Location"))
                        .distinct())
                .hasSize(1);
        assertThat(json(registry.get(
                                "/registrations/my?search=" + body.get("server_name"), registry.userToken("Impatient")))
                        .path("items"))
                .hasSize(1);
        assertThat(json(registry.get("/audit?registration=" + idOf(json(answers.get(0))), registry.adminToken()))
                        .path("items"))
                .hasSize(1);
    }

    @Test
    void a_new_users_first_requests_at_once_sign_in_one_user() throws Exception {
        String token = registry.userToken("Eager Newcomer");

        List<HttpResponse<String>> answers = race(i -> registry.get("/users/me", token));

        assertThat(countStatuses(answers)).containsOnlyKeys(200);
        assertThat(answers.stream()
                        .map(answer -> json(answer).path("user_id").asText())
                        .distinct())
                .hasSize(1);
    }

    /** Sends {@link #RACERS} requests at once (released together) and waits for every answer. */
    private static List<HttpResponse<String>> race(IntFunction<HttpResponse<String>> request) throws Exception {
        CountDownLatch ready = new CountDownLatch(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            int racer = i;
            Callable<HttpResponse<String>> call = () -> {
                ready.countDown();
                go.await();
                return request.apply(racer);
            };
            futures.add(THREADS.submit(call));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> future : futures) {
            answers.add(future.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static Map<Integer, Long> countStatuses(List<HttpResponse<String>> answers) {
        return answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    }
}
