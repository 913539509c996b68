package com.mcpregistry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Registration bodies that are valid and unique (server name and endpoint), and the common workflow steps. */
final class Submissions {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Submissions() {}

    /** A server name no other test uses, e.g. {@code com.contoso.e2e/ledger-17}. */
    static String uniqueName(String name) {
        return "com.contoso.e2e/" + name + "-" + COUNTER.incrementAndGet();
    }

    /** A valid submission of a new server: version 1.0.0 at an endpoint of its own. */
    static Map<String, Object> of(String serverName) {
        return of(serverName, "1.0.0", endpointOf(serverName));
    }

    static Map<String, Object> of(String serverName, String version, String endpoint) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("server_name", serverName);
        body.put("version", version);
        body.put("title", "Ledger tools");
        body.put("description", "Reads and posts ledger entries for " + serverName.replace('/', ' '));
        body.put("endpoint_url", endpoint);
        body.put("transport", "streamable-http");
        body.put("owner_contact", "finance-platform@contoso.example");
        body.put("repository_url", "https://github.com/contoso/ledger-tools");
        body.put("tags", List.of("finance", "ledger"));
        return body;
    }

    static String endpointOf(String serverName) {
        return "https://mcp.contoso.example/" + serverName.replace('/', '-') + "/mcp";
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    /** Submits a new server as {@code token}'s user; the created registration. */
    static JsonNode submit(RunningRegistry registry, String token, Map<String, Object> body) {
        HttpResponse<String> created = registry.post("/registrations", token, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RunningRegistry.json(created);
    }

    static JsonNode submitNew(RunningRegistry registry, String token, String name) {
        return submit(registry, token, of(uniqueName(name)));
    }

    /**
     * Moves a registration to {@code status} as the admin (approve, reject, deprecate, reactivate), naming the
     * version the admin read in {@code If-Match}, as an approval or rejection must.
     */
    static JsonNode review(RunningRegistry registry, JsonNode registration, String status, String reason) {
        HttpResponse<String> changed =
                registry.review(pathOf(registration), registry.adminToken(), status(status, reason));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        return RunningRegistry.json(changed);
    }

    static JsonNode approve(RunningRegistry registry, JsonNode registration) {
        return review(registry, registration, "Approved", null);
    }

    static String idOf(JsonNode registration) {
        return registration.path("registration_id").asText();
    }

    static String pathOf(JsonNode registration) {
        return "/registrations/" + idOf(registration);
    }

    static Map<String, Object> status(String status, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }
}
