package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.postgres.TableLock;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A search that runs past its budget (SEARCH_TIMEOUT_MS) is cancelled and answered 503, never 500 (issue 11). */
class SearchTimeoutEndToEndTest {

    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard().withSearchTimeout(Duration.ofMillis(200));

    @Test
    void a_search_cancelled_past_its_budget_is_503_with_retry_after_on_both_apis() {
        String token = registry.userToken("Searcher");
        registry.userId("Searcher");
        HttpResponse<String> seed;
        HttpResponse<String> catalogue;
        // Another session holds the table, so that the search runs on as one reading a million rows would.
        try (TableLock held = TableLock.hold(registry.database().jdbi(), "registrations")) {
            seed = registry.get("/registrations?search=ledger", token);
            catalogue = registry.get("/v0.1/servers?search=ledger", null);
        }

        assertThat(seed.statusCode()).isEqualTo(503);
        assertThat(seed.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(seed).path("detail").asText()).contains("the search took longer than 200 ms");
        assertThat(catalogue.statusCode()).isEqualTo(503);
        assertThat(catalogue.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(catalogue).path("error").asText()).contains("the search took longer than 200 ms");
        assertThat(registry.get("/registrations?search=ledger", token).statusCode())
                .isEqualTo(200);
    }
}
