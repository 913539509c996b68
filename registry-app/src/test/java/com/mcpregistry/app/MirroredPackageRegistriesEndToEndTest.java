package com.mcpregistry.app;

import static com.mcpregistry.app.RunningRegistry.json;
import static com.mcpregistry.app.ServerJsonDocuments.npmServer;
import static com.mcpregistry.app.ServerJsonDocuments.publishedPath;
import static com.mcpregistry.app.ServerJsonDocuments.rejectedFields;
import static com.mcpregistry.app.ServerJsonDocuments.submission;
import static com.mcpregistry.app.Submissions.approve;
import static com.mcpregistry.app.Submissions.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PACKAGE_REGISTRIES: an enterprise's private mirror (Artifactory, Nexus) is an allowed package registry besides the
 * official ones; a package from any other registry is a 400 at its field.
 */
class MirroredPackageRegistriesEndToEndTest {
    private static final String NPM_MIRROR = "https://artifactory.contoso.com/api/npm/npm-remote";

    @RegisterExtension
    static final RunningRegistry registry = RunningRegistry.standard()
            .withPublishRules(ServeSettings.publishRules(
                    new Environment(Map.of(
                            "PACKAGE_REGISTRIES",
                            "npm=" + NPM_MIRROR + ",pypi=https://nexus.contoso.com/repository/pypi")),
                    false));

    private static String publisher() {
        return registry.userToken("Mira Mirror");
    }

    @Test
    void a_package_from_the_mirror_is_accepted_and_published_as_submitted() {
        ObjectNode document = npmServer("mirrored", NPM_MIRROR);

        approve(registry, submit(registry, publisher(), submission(document)));

        JsonNode served = json(registry.get(publishedPath(document), null)).path("server");
        assertThat(served).isEqualTo(document);
        assertThat(served.path("packages").get(0).path("registryBaseUrl").asText())
                .isEqualTo(NPM_MIRROR);
    }

    @Test
    void the_official_registry_is_still_allowed() {
        assertThat(registry.post(
                                "/registrations",
                                publisher(),
                                submission(npmServer("official", "https://registry.npmjs.org")))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void a_package_from_another_registry_is_400_at_its_base_url() {
        HttpResponse<String> refused = registry.post(
                "/registrations", publisher(), submission(npmServer("elsewhere", "https://npm.evil.example")));

        assertThat(rejectedFields(refused)).containsExactly("/server/packages/0/registryBaseUrl");
        assertThat(refused.body()).contains("https://npm.evil.example", NPM_MIRROR);
    }

    @Test
    void a_mirror_of_one_type_does_not_serve_another() {
        ObjectNode pypiFromNpmMirror = ServerJsonDocuments.example("generic-pypi.json");
        pypiFromNpmMirror.put("name", Submissions.uniqueName("pypi-from-npm-mirror"));
        ((ObjectNode) pypiFromNpmMirror.path("packages").get(0))
                .put("identifier", "ledger-mirror-test-mcp")
                .put("registryBaseUrl", NPM_MIRROR);

        HttpResponse<String> refused = registry.post("/registrations", publisher(), submission(pypiFromNpmMirror));

        assertThat(rejectedFields(refused)).containsExactly("/server/packages/0/registryBaseUrl");
    }

    @Test
    void publishing_from_ci_is_held_to_the_same_registries() {
        HttpResponse<String> refused = registry.post(
                "/v0.1/publish",
                registry.servicePrincipalToken("mirror-pipeline"),
                npmServer("ci-elsewhere", "https://npm.evil.example"));
        HttpResponse<String> accepted = registry.post(
                "/v0.1/publish",
                registry.servicePrincipalToken("mirror-pipeline"),
                npmServer("ci-mirrored", NPM_MIRROR));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("error").asText()).contains("/packages/0/registryBaseUrl");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    }
}
