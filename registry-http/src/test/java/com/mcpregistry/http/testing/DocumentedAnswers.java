package com.mcpregistry.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpregistry.http.docs.OpenApiSchemas;
import com.mcpregistry.http.publication.OfficialRegistryApi;
import com.mcpregistry.http.publication.PublishedServerRoutes;
import com.mcpregistry.http.shared.ProblemDetails;
import java.net.http.HttpResponse;
import java.util.function.Consumer;

/**
 * The check an {@link ApiClient} of registry-http's tests holds every answer to: never a 500; described by the
 * registry's own OpenAPI document (status, media type, body, headers); an error of the seed API a problem document;
 * and an answer of the MCP Registry API ({@code /v0.1}, {@code /v0}) also what the official documents of the vendored
 * edition describe, every server in it valid server.json.
 */
public final class DocumentedAnswers implements Consumer<HttpResponse<String>> {
    private static final OpenApiSchemas OWN_DOCUMENT = OpenApiSchemas.fromClasspath();

    private final OfficialRegistryApi official = OfficialRegistryApi.load();

    @Override
    public void accept(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isLessThan(500);
        String path = answer.request().uri().getRawPath();
        boolean registryApi = PublishedServerRoutes.PREFIXES.stream().anyMatch(prefix -> path.startsWith(prefix + "/"));
        if (registryApi) {
            if (answer.statusCode() != 304) {
                official.assertConforms(answer);
            }
        } else if (answer.statusCode() >= 400) {
            assertThat(answer.headers().firstValue("Content-Type")).hasValue(ProblemDetails.CONTENT_TYPE);
        }
        OWN_DOCUMENT.assertResponse(answer);
    }
}
